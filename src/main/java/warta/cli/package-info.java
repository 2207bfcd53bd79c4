/** The command line: one class per command, exit codes 0 (done), 1 (nothing done), 2 (bad usage). */
package warta.cli;
