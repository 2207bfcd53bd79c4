package warta.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up Quartz with an in-memory job store (the schedule lives in code and settings; all state
 * lives in our tables) and the ingestion job on its cron, plus one run at start when asked.
 */
public final class Schedules {

  private static final Logger log = LoggerFactory.getLogger(Schedules.class);

  private Schedules() {}

  /**
   * A scheduler, not yet started, that runs {@code ingest} on {@code ingestCron} (a Quartz cron
   * expression), and once as soon as it starts when {@code ingestOnStart}.
   */
  public static Scheduler create(String ingestCron, boolean ingestOnStart, IngestJob ingest) throws SchedulerException {
    return create(ingestCron, ingestOnStart, ingest, null);
  }

  /**
   * The same, plus the due-digest sweep every minute (from the first minute after start, so that
   * digests missed while the bot was down go out at once) when {@code delivery} is given.
   */
  public static Scheduler create(String ingestCron, boolean ingestOnStart, IngestJob ingest, DeliveryJob delivery)
      throws SchedulerException {
    return create(ingestCron, ingestOnStart, ingest, delivery, null, null);
  }

  /**
   * The same, plus fetching the news sources every {@code fetchInterval} (the first a minute after
   * start, once start-up ingestion had its turn) when {@code fetch} is given.
   */
  public static Scheduler create(String ingestCron, boolean ingestOnStart, IngestJob ingest, DeliveryJob delivery,
                                 FetchJob fetch, Duration fetchInterval) throws SchedulerException {
    Properties quartz = new Properties();
    quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "warta");
    quartz.setProperty("org.quartz.threadPool.threadCount", "3");
    quartz.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    Scheduler scheduler = new StdSchedulerFactory(quartz).getScheduler();
    scheduler.setJobFactory(new PrebuiltJobFactory(java.util.stream.Stream.of(ingest, delivery, fetch)
        .filter(Objects::nonNull).toArray(Job[]::new)));

    JobDetail job = JobBuilder.newJob(IngestJob.class).withIdentity(IngestJob.NAME).storeDurably().build();
    Trigger cron = TriggerBuilder.newTrigger().withIdentity(IngestJob.NAME + "-cron").forJob(job)
        .withSchedule(CronScheduleBuilder.cronSchedule(ingestCron).withMisfireHandlingInstructionFireAndProceed())
        .build();
    scheduler.addJob(job, false);
    scheduler.scheduleJob(cron);
    if (ingestOnStart) {
      scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(IngestJob.NAME + "-start").forJob(job)
          .startNow().build());
    }
    if (delivery != null) {
      JobDetail sweep = JobBuilder.newJob(DeliveryJob.class).withIdentity(DeliveryJob.NAME).storeDurably().build();
      scheduler.addJob(sweep, false);
      // With ingestion at start, the first sweep follows it, so that digests missed while the bot
      // was down carry the news it brings; the sweep every minute starts a minute later.
      TriggerBuilder<Trigger> minute = TriggerBuilder.newTrigger().withIdentity(DeliveryJob.NAME + "-minute")
          .forJob(sweep);
      if (ingestOnStart) {
        minute.startAt(Date.from(Instant.now().plusSeconds(60)));
        scheduler.getListenerManager().addJobListener(new SweepAfterStartupIngestion(),
            KeyMatcher.keyEquals(job.getKey()));
      } else {
        minute.startNow();
      }
      scheduler.scheduleJob(minute.withSchedule(org.quartz.SimpleScheduleBuilder.repeatMinutelyForever()
          .withMisfireHandlingInstructionNextWithRemainingCount()).build());
    }
    if (fetch != null) {
      JobDetail sources = JobBuilder.newJob(FetchJob.class).withIdentity(FetchJob.NAME).storeDurably().build();
      scheduler.addJob(sources, false);
      scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(FetchJob.NAME + "-interval").forJob(sources)
          .startAt(Date.from(Instant.now().plusSeconds(60)))
          .withSchedule(org.quartz.SimpleScheduleBuilder.simpleSchedule()
              .withIntervalInMilliseconds(fetchInterval.toMillis()).repeatForever()
              .withMisfireHandlingInstructionNextWithRemainingCount()).build());
    }
    log.info("Schedule: ingestion on \"{}\"{}{}{}", ingestCron, ingestOnStart ? " and at start" : "",
        delivery != null ? "; due digests every minute" : "",
        fetch != null ? "; news sources every " + fetchInterval.toMinutes() + " min" : "");
    return scheduler;
  }

  /** Runs the due-digest sweep as soon as the ingestion at start has finished. */
  private static final class SweepAfterStartupIngestion extends JobListenerSupport {
    @Override
    public String getName() {
      return "sweep-after-startup-ingestion";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
      if (context.getTrigger().getKey().getName().equals(IngestJob.NAME + "-start")) {
        try {
          context.getScheduler().triggerJob(new JobKey(DeliveryJob.NAME));
        } catch (SchedulerException e) {
          log.warn("Due digests not swept after the start-up ingestion ({}); the minute sweep sends them", e.toString());
        }
      }
    }
  }
}
