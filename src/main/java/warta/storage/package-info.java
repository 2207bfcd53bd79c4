/** The SQLite database: opening it with safe settings, schema migrations, one writer path and pooled readers. */
package warta.storage;
