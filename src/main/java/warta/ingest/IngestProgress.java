package warta.ingest;

/** Hears how far a run has come, e.g. to draw a progress bar on a terminal. */
@FunctionalInterface
public interface IngestProgress {

  IngestProgress SILENT = (done, total) -> { };

  /** Called after each file, from the thread that runs the ingestion. */
  void filesDone(int done, int total);
}
