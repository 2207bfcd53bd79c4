/** Fetching international news from the web: a polite HTTP client for feeds and article pages, and the fetch runs that use it. */
package warta.fetch;
