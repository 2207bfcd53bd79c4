package warta.schedule;

import java.nio.file.Path;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.health.JobHistory;
import warta.ingest.ArticleFolderScanner;
import warta.ingest.IngestProgress;
import warta.ingest.IngestReport;

/** Ingests the articles folder: one run at a time, each recorded in the job history. */
@DisallowConcurrentExecution
public final class IngestJob implements Job {

  static final String NAME = "ingest";
  private static final Logger log = LoggerFactory.getLogger(IngestJob.class);

  private final ArticleFolderScanner scanner;
  private final Path folder;
  private final JobHistory history;

  public IngestJob(ArticleFolderScanner scanner, Path folder, JobHistory history) {
    this.scanner = scanner;
    this.folder = folder;
    this.history = history;
  }

  @Override
  public void execute(JobExecutionContext context) {
    run();
  }

  /** One run now, on the calling thread; a failure is logged and recorded, never thrown at Quartz. */
  public void run() {
    long id = history.started(NAME);
    try {
      IngestReport report = scanner.ingest(folder, IngestProgress.SILENT);
      history.finished(id, true, report.toString());
    } catch (RuntimeException e) {
      log.error("Ingestion of {} failed: {}", folder, e.toString(), e);
      history.finished(id, false, e.toString());
    }
  }
}
