/** The operator's view of the bot: job runs, counts and errors, for the health command. */
package warta.health;
