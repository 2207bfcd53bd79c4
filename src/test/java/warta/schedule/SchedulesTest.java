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
import warta.config.FetchSettings;
import warta.feed.FeedReader;
import warta.fetch.FetchPolicy;
import warta.fetch.FetchRun;
import warta.fetch.PoliteFetcher;
import warta.fetch.SourceList;
import warta.fetch.SourceStore;
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
  void aFetchThatStoredPagesAsksForAnIngestionAtOnce() throws Exception {
    try (var site = new okhttp3.mockwebserver.MockWebServer();
         var fetcher = new PoliteFetcher(new FetchPolicy(FetchSettings.DEFAULT_USER_AGENT, Duration.ZERO,
             Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 3))) {
      String lead = "Leaders from across East Africa met in Nairobi on Tuesday to agree on a joint security mission, "
          + "officials said after the talks ended late in the evening.";
      site.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
        @Override
        public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
          return switch (request.getPath()) {
            case "/rss" -> new okhttp3.mockwebserver.MockResponse().setBody("<rss><channel><item><title>Summit"
                + "</title><link>" + site.url("/summit") + "</link></item></channel></rss>");
            case "/summit" -> new okhttp3.mockwebserver.MockResponse().setBody("<html><body><article><h1>Leaders "
                + "meet in Nairobi</h1><p>" + lead + "</p></article></body></html>");
            default -> new okhttp3.mockwebserver.MockResponse().setResponseCode(404);
          };
        }
      });
      site.start();
      String sources = site.url("/rss") + " lang=en\n";
      FetchRun fetch = new FetchRun(() -> SourceList.parse("sources.txt", sources), new SourceStore(db,
          Clock.systemUTC()), fetcher, new FeedReader(), dir.resolve("articles"), FetchRun.Limits.defaults(),
          Clock.systemUTC());
      scheduler = Schedules.create("0 0 0 1 1 ? 2099", false, job, null, new FetchJob(fetch, history),
          Duration.ofMinutes(30));
      Executions executions = new Executions(2); // the fetch, then the ingestion it asked for
      scheduler.getListenerManager().addJobListener(executions);
      scheduler.start();

      scheduler.triggerJob(new JobKey(FetchJob.NAME)); // as its interval would, without waiting a minute

      assertTrue(executions.done.await(30, TimeUnit.SECONDS), "the fetch and its ingestion did not both run");
      assertThat(history.latest("fetch").orElseThrow().summary().orElseThrow()).contains("1 pages saved");
      assertThat(history.latest("ingest").orElseThrow().summary().orElseThrow()).startsWith("ingest: 61 scanned, 61 new");
    }
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
