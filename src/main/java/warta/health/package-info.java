/** The operator's view of the bot: job runs, counts and errors, for the health command, /health and its HTTP endpoint. */
package warta.health;
