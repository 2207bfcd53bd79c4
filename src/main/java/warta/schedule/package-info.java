/** Quartz: runs the jobs App built on the schedule from the settings, never two runs of one job at once. */
package warta.schedule;
