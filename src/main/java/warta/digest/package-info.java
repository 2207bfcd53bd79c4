/** Digests: which stories a reader gets, and how they read in a Telegram message. */
package warta.digest;
