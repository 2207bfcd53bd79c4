package warta.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.fetch.FetchReport;
import warta.fetch.FetchRun;
import warta.health.JobHistory;

/**
 * Fetches the news sources, one run at a time, each recorded in the job history; when pages were
 * stored, it asks for an ingestion at once (the ingestion job, so that two never overlap).
 */
@DisallowConcurrentExecution
public final class FetchJob implements Job {

  static final String NAME = "fetch";
  private static final Logger log = LoggerFactory.getLogger(FetchJob.class);

  private final FetchRun fetch;
  private final JobHistory history;

  public FetchJob(FetchRun fetch, JobHistory history) {
    this.fetch = fetch;
    this.history = history;
  }

  @Override
  public void execute(JobExecutionContext context) {
    FetchReport report = run();
    if (report != null && report.pagesSaved() > 0) {
      try {
        context.getScheduler().triggerJob(new JobKey(IngestJob.NAME));
      } catch (SchedulerException e) {
        log.warn("Ingestion after the fetch not started ({}); the next scheduled one picks the pages up", e.toString());
      }
    }
  }

  /** One run now; a failure is logged and recorded, never thrown at Quartz. Null when it failed. */
  FetchReport run() {
    long id = history.started(NAME);
    try {
      FetchReport report = fetch.run();
      boolean ok = report.failedSources() == 0 || report.failedSources() < report.sources();
      history.finished(id, ok, report.summary());
      return report;
    } catch (RuntimeException e) {
      log.error("Fetch failed: {}", e.toString(), e);
      history.finished(id, false, e.toString());
      return null;
    }
  }
}
