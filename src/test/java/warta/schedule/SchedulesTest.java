package warta.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.listeners.JobListenerSupport;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.health.JobHistory;
import warta.ingest.ArticleFolderScanner;
import warta.storage.Database;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** A real Quartz scheduler with the in-memory store runs ingestion on start and never twice at once. */
class SchedulesTest {

  @TempDir
  Path dir;

  private Database db;
  private JobHistory history;
  private IngestJob job;
  private Scheduler scheduler;

  @BeforeEach
  void setUp() throws Exception {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    for (int i = 0; i < 60; i++) {
      Files.writeString(articles.resolve("story-" + i + ".txt"), "MARCH 4, 2024\nWorld\n\nStory number " + i
          + " about Kenya and Haiti\n\nNAIROBI (Reuters) - Story " + i + " tells how Kenya and Haiti signed an "
          + "agreement on Friday, officials said, in words that differ: " + "word" + i + " ".repeat(i % 3) + ".\n");
    }
    db = Database.open(dir.resolve("warta.db"));
    TopicCatalog catalog = TopicCatalog.standard();
    ArticleFolderScanner scanner = new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)),
        new ArticleStore(db, catalog), Duration.ofHours(72), Clock.systemUTC());
    history = new JobHistory(db, Clock.systemUTC());
    job = new IngestJob(scanner, articles, history);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (scheduler != null) {
      scheduler.shutdown(true);
    }
    db.close();
  }

  @Test
  void ingestionRunsOnStartAndIsRecorded() throws Exception {
    scheduler = Schedules.create("0 0 0 1 1 ? 2099", true, job);
    Executions executions = new Executions(1);
    scheduler.getListenerManager().addJobListener(executions);

    scheduler.start();

    assertTrue(executions.done.await(30, TimeUnit.SECONDS), "the start-up run did not happen");
    JobHistory.Run run = history.latest("ingest").orElseThrow();
    assertEquals("ok", run.outcome().orElseThrow());
    assertThat(run.summary().orElseThrow()).startsWith("ingest: 60 scanned, 60 new");
  }

  @Test
  void runsOfTheJobNeverOverlap() throws Exception {
    scheduler = Schedules.create("0 0 0 1 1 ? 2099", false, job);
    Executions executions = new Executions(3);
    scheduler.getListenerManager().addJobListener(executions);
    scheduler.start();

    for (int i = 0; i < 3; i++) {
      scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(JobKey.jobKey("ingest")).startNow().build());
    }

    assertTrue(executions.done.await(60, TimeUnit.SECONDS), "three runs did not finish");
    List<long[]> spans = executions.spans;
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i)[0]).as("run %d starts after run %d ends", i, i - 1)
          .isGreaterThanOrEqualTo(spans.get(i - 1)[1]);
    }
  }

  /** Records when each run starts and ends (System.nanoTime) and counts finished runs. */
  private static final class Executions extends JobListenerSupport {
    final List<long[]> spans = new CopyOnWriteArrayList<>();
    final CountDownLatch done;
    private volatile long started;

    Executions(int runs) {
      done = new CountDownLatch(runs);
    }

    @Override
    public String getName() {
      return "executions";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
      started = System.nanoTime();
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
      spans.add(new long[] {started, System.nanoTime()});
      done.countDown();
    }
  }
}
