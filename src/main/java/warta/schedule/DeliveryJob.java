package warta.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.delivery.DeliveryRun;
import warta.delivery.RunReport;
import warta.health.JobHistory;

/** Sends the digests that are due: every minute, one run at a time, runs with work recorded in the job history. */
@DisallowConcurrentExecution
public final class DeliveryJob implements Job {

  static final String NAME = "delivery";
  private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

  private final DeliveryRun delivery;
  private final JobHistory history;

  public DeliveryJob(DeliveryRun delivery, JobHistory history) {
    this.delivery = delivery;
    this.history = history;
  }

  @Override
  public void execute(JobExecutionContext context) {
    run();
  }

  /** One sweep now; a sweep with nothing to do leaves no trace, a failure is logged and recorded. */
  public void run() {
    try {
      RunReport report = delivery.run();
      if (report.due() + report.resumed() + report.skipped() > 0) {
        long id = history.started(NAME);
        history.finished(id, report.failed() == 0, report.toString());
      }
    } catch (RuntimeException e) {
      log.error("Delivery run failed: {}", e.toString(), e);
      history.finished(history.started(NAME), false, e.toString());
    }
  }
}
