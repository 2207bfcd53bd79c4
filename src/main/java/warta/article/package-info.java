/** Stored article files turned into digest entries: decoding, HTML and plain-text parsing, leads and dates. */
package warta.article;
