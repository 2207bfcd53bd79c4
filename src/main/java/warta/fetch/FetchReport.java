package warta.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one fetch run did.
 *
 * @param sources the sources in the file (or the one asked for)
 * @param fetched feeds that answered with a body
 * @param notModified feeds that answered "not modified"
 * @param waiting sources not tried: backing off after failures, or paused
 * @param failedSources sources that failed this time
 * @param newItems feed items not seen before, that this run tried to download
 * @param pagesSaved pages stored for ingestion
 * @param failedPages pages that could not be fetched or stored (tried again next run, a few times)
 * @param pagesPruned stored pages removed for being older than the pages are kept
 * @param failures one line per failure, source or page, naming it and why
 */
public record FetchReport(int sources, int fetched, int notModified, int waiting, int failedSources, int newItems,
                          int pagesSaved, int failedPages, int pagesPruned, List<String> failures, Duration took) {

  public FetchReport {
    failures = List.copyOf(failures);
  }

  /** One line for the log and the command line. */
  public String summary() {
    return String.format(Locale.ROOT, "fetch: %d sources (%d fetched, %d not modified, %d waiting, %d failed), "
        + "%d new items, %d pages saved, %d pages failed%s, in %d ms", sources, fetched, notModified, waiting,
        failedSources, newItems, pagesSaved, failedPages, pagesPruned > 0 ? ", " + pagesPruned + " old pages removed" : "",
        took.toMillis());
  }
}
