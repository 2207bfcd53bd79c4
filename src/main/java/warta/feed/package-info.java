/** Feeds: RSS 2.0, RSS 1.0 and Atom documents as downloaded, read into items with links, titles, dates and summaries. */
package warta.feed;
