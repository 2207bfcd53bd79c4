package warta.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * What one ingestion run did.
 *
 * @param scanned files looked at
 * @param added new files stored as articles (including identical copies of stored ones)
 * @param copies of {@code added}, files whose bytes were already stored under another name
 * @param changed known files whose content changed, stored again
 * @param unchanged known files with the same size and time, or the same content
 * @param rejected files that hold no article (or could not be read), each logged with its reason
 * @param joined articles that joined an existing story rather than starting one
 */
public record IngestReport(int scanned, int added, int copies, int changed, int unchanged, int rejected,
                           int joined, Duration took) {

  /** The summary line: {@code ingest: 41 scanned, 3 new, 0 changed, 37 unchanged, 1 rejected in 812 ms}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ingest: %d scanned, %d new%s, %d changed, %d unchanged, %d rejected, "
        + "%d joined a story, in %d ms", scanned, added, copies > 0 ? " (" + copies + " identical copies)" : "",
        changed, unchanged, rejected, joined, took.toMillis());
  }
}
