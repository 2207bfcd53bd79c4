/** Ingestion: walks the articles folder, parses new or changed files and stores them in their stories. */
package warta.ingest;
