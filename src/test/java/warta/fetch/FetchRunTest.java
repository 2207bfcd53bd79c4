package warta.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.article.FeedMetadata;
import warta.delivery.MutableClock;
import warta.feed.FeedReader;
import warta.ingest.ArticleFolderScanner;
import warta.ingest.IngestProgress;
import warta.ingest.IngestReport;
import warta.storage.Database;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * Fetch runs end to end: a local web site serves feeds, pages and robots.txt; pages land in a
 * real articles folder, fetching's memory in a real SQLite file, and ingestion reads the pages.
 */
class FetchRunTest {

  private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
  private static final FetchRun.Limits LIMITS = new FetchRun.Limits(PoliteFetcher.MAX_FEED_BYTES,
      PoliteFetcher.MAX_PAGE_BYTES, 5, 2, Duration.ofMinutes(15), Duration.ofHours(2), 3, Duration.ofDays(30));

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final FakeSite site = FakeSite.start();
  private final FakeSite other = FakeSite.start();
  private final List<String> sourceLines = new ArrayList<>();
  private Database db;
  private SourceStore store;
  private PoliteFetcher fetcher;
  private FetchRun fetch;
  private Path articles;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(dir.resolve("warta.db"));
    store = new SourceStore(db, clock);
    articles = Files.createDirectories(dir.resolve("articles"));
    fetcher = new PoliteFetcher(new FetchPolicy("WartaBot/0.1 (+https://github.com/warta-news/warta)",
        Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 3));
    fetch = new FetchRun(() -> SourceList.parse("sources.txt", String.join("\n", sourceLines)), store, fetcher,
        new FeedReader(), articles, LIMITS, clock);
  }

  @AfterEach
  void close() throws Exception {
    fetcher.close();
    site.close();
    other.close();
    db.close();
  }

  @Test
  void newItemsArePagesStoredWithTheFeedsWordsAndIngestedWithWhatThePageLacksFilledIn() throws Exception {
    sourceLines.add(site.uri("/world.xml") + " lang=en section=World name=\"Example News\"");
    site.answer("/world.xml", 200, rss(item("/news/floods", "Floods in Jakarta", "Mon, 16 Jan 2024 07:05:00 +0700",
        "Rivers burst their banks."), item("/news/summit", "Leaders meet in Nairobi", "Tue, 17 Jan 2024 10:00:00 GMT",
        "A summit on security.")));
    site.answer("/news/floods", 200, page("Floods swamp Jakarta as rivers burst their banks",
        "Heavy rain flooded large parts of Jakarta on Monday, forcing thousands of residents from their homes "
            + "as rivers burst their banks across the Indonesian capital.", ""));
    site.answer("/news/summit", 200, page("Leaders meet in Nairobi on regional security",
        "Leaders from across East Africa met in Nairobi on Tuesday to agree on a joint security mission, "
            + "officials said after the talks ended late in the evening.", "2024-01-17T09:30:00Z"));

    FetchReport report = fetch.run();

    assertEquals(1, report.fetched());
    assertEquals(2, report.newItems());
    assertEquals(2, report.pagesSaved());
    assertThat(report.failures()).isEmpty();
    List<Path> pages = storedPages();
    assertThat(pages).hasSize(2).allSatisfy(p -> assertThat(FeedMetadata.besideOf(p)).exists());

    IngestReport ingested = ingest();
    assertEquals(2, ingested.added());
    var floods = new ArticleStore(db, TopicCatalog.standard()).latest(java.util.Optional.empty(), 10).stream()
        .filter(e -> e.headline().startsWith("Floods")).findFirst().orElseThrow();
    // The page gives no date and no URL: the feed's fill them in; its source name stands in for the site's.
    assertEquals("2024-01-16T07:05:00+07:00", floods.published().orElseThrow().toString());
    assertEquals(site.uri("/news/floods").toString(), floods.url());
    assertEquals("Example News", floods.source());
    assertEquals("en", floods.language());
  }

  @Test
  void pagesOlderThanTheyAreKeptAreRemovedAndTheirArticlesStay() throws Exception {
    sourceLines.add(site.uri("/world.xml").toString());
    site.answer("/world.xml", 200, rss(item("/news/a", "A story", "Mon, 16 Jan 2024 07:05:00 GMT", "About a.")));
    site.answer("/news/a", 200, page("A story from somewhere far away", LEAD, ""));
    fetch.run();
    assertEquals(1, ingest().added());

    clock.advance(Duration.ofDays(29));
    FetchReport young = fetch.run();
    clock.advance(Duration.ofDays(2)); // the page is now over 30 days old by the fetch's clock
    FetchReport old = fetch.run();

    assertEquals(0, young.pagesPruned());
    assertEquals(1, old.pagesPruned());
    assertThat(old.summary()).contains("1 old pages removed");
    assertThat(articles.resolve("fetched")).isEmptyDirectory();
    assertEquals(1, new ArticleStore(db, TopicCatalog.standard()).articleCount());
    assertThat(site.paths().stream().filter("/news/a"::equals)).hasSize(1); // never downloaded again
  }

  @Test
  void aSecondRunAsksConditionallyAndNeverDownloadsAStoredItemAgain() throws Exception {
    sourceLines.add(site.uri("/world.xml").toString());
    site.answer("/world.xml", () -> new MockResponse().setHeader("ETag", "\"v1\"")
        .setBody(rss(item("/news/a", "A story", "Mon, 16 Jan 2024 07:05:00 GMT", "About a."))));
    site.answer("/news/a", 200, page("A story from somewhere far away", LEAD, ""));
    fetch.run();

    site.answer("/world.xml", () -> "\"v1\"".equals(site.request("/world.xml").getHeader("If-None-Match"))
        ? new MockResponse().setResponseCode(304) : new MockResponse().setBody(rss()));
    FetchReport unchanged = fetch.run();
    // The feed changes its validators' mind: a 200 with the same item again.
    site.answer("/world.xml", () -> new MockResponse()
        .setBody(rss(item("/news/a", "A story", "Mon, 16 Jan 2024 07:05:00 GMT", "About a."))));
    FetchReport again = fetch.run();

    assertEquals(1, unchanged.notModified());
    assertEquals(0, again.newItems());
    assertThat(site.paths().stream().filter("/news/a"::equals)).hasSize(1);
  }

  @Test
  void aFailingSourceBacksOffThenPausesWhileTheOthersGoOn() throws Exception {
    sourceLines.add(site.uri("/broken.xml").toString());
    sourceLines.add(other.uri("/feed.xml").toString());
    site.answer("/broken.xml", 503, "down for maintenance");
    other.answer("/feed.xml", 200, rss());

    FetchReport first = fetch.run();
    FetchReport tooSoon = fetch.run();
    clock.advance(Duration.ofMinutes(15));
    fetch.run(); // second failure: the next wait is 30 min
    clock.advance(Duration.ofMinutes(30));
    FetchReport third = fetch.run();
    clock.advance(Duration.ofDays(2));
    FetchReport paused = fetch.run();

    assertEquals(1, first.failedSources());
    assertEquals(1, first.fetched());
    assertEquals(1, tooSoon.waiting());
    assertEquals(1, tooSoon.fetched());
    assertEquals(1, third.failedSources());
    assertEquals(1, paused.waiting());
    assertEquals(1, paused.fetched());
    SourceState state = store.state(site.uri("/broken.xml"));
    assertThat(state.pausedAt()).isPresent();
    assertEquals(3, state.failuresInARow());
    assertThat(state.lastError()).contains("503");
    assertThat(site.paths().stream().filter("/broken.xml"::equals)).hasSize(3);

    site.answer("/broken.xml", 200, rss());
    FetchReport resumed = fetch.runOne(site.uri("/broken.xml"));

    assertEquals(1, resumed.fetched());
    assertThat(store.state(site.uri("/broken.xml")).pausedAt()).isEmpty();
  }

  @Test
  void badFeedsFailWithAClearReasonAndNothingElseIsAffected() throws Exception {
    sourceLines.add(site.uri("/html.xml").toString());
    sourceLines.add(site.uri("/broken-xml.xml").toString());
    sourceLines.add(site.uri("/loop").toString());
    sourceLines.add(site.uri("/slow.xml").toString());
    sourceLines.add(other.uri("/good.xml").toString());
    site.answer("/html.xml", 200, "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>");
    site.answer("/broken-xml.xml", 200, "\u0000\u0001<<<not xml at all");
    site.redirect("/loop", 302, "/loop2");
    site.redirect("/loop2", 302, "/loop");
    site.answer("/slow.xml", () -> new MockResponse().setBody(rss()).throttleBody(16, 1, TimeUnit.SECONDS));
    other.answer("/good.xml", 200, rss(item(other, "/story", "Good story", "Mon, 16 Jan 2024 07:05:00 GMT", "Good.")));
    other.answer("/story", 200, page("A good story from a good source", LEAD, ""));

    FetchReport report = fetch.run();

    assertEquals(4, report.failedSources());
    assertEquals(1, report.pagesSaved());
    assertThat(store.state(site.uri("/html.xml")).lastError()).contains("html");
    assertThat(store.state(site.uri("/loop")).lastError()).contains("redirect loop");
    assertThat(store.state(site.uri("/slow.xml")).lastError()).containsAnyOf("timed out", "no data");
    assertThat(store.state(site.uri("/broken-xml.xml")).lastError()).isNotEmpty();
  }

  @Test
  void aSlowSiteHoldsUpOnlyItself() throws Exception {
    // The slow site answers only once the other site's page was asked for: fetched one after the
    // other, the slow feed would time out first.
    var otherPageAsked = new java.util.concurrent.CountDownLatch(1);
    sourceLines.add(site.uri("/slow.xml").toString());
    sourceLines.add(other.uri("/good.xml").toString());
    site.answer("/slow.xml", () -> {
      try {
        otherPageAsked.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new MockResponse().setBody(rss());
    });
    other.answer("/good.xml", 200, rss(item(other, "/story", "Good story", "Mon, 16 Jan 2024 07:05:00 GMT", "Good.")));
    other.answer("/story", () -> {
      otherPageAsked.countDown();
      return new MockResponse().setBody(page("A good story from a good source", LEAD, ""));
    });

    FetchReport report = fetch.run();

    assertEquals(2, report.fetched());
    assertEquals(0, report.failedSources());
    assertEquals(1, report.pagesSaved());
  }

  @Test
  void aHugeFeedGivesOnlyItsNewestItemsPerRunAndTheRestLater() throws Exception {
    sourceLines.add(site.uri("/huge.xml").toString());
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      items.add(item("/p/" + i, "Story " + i, String.format("%02d Jan 2024 %02d:%02d:00 GMT", 1 + i / 1440 % 28,
          i / 60 % 24, i % 60), "Summary " + i));
    }
    site.answer("/huge.xml", () -> new MockResponse().setHeader("ETag", "\"big\"")
        .setBody(rss(items.toArray(String[]::new))));
    for (int i = 9_990; i < 10_000; i++) {
      site.answer("/p/" + i, 200, page("Story number " + i + " of a very long feed", LEAD, ""));
    }

    FetchReport first = fetch.run();
    List<String> askedFirst = site.paths();
    FetchReport second = fetch.run();

    assertEquals(5, first.newItems());
    assertEquals(5, first.pagesSaved());
    assertThat(askedFirst).contains("/p/9999", "/p/9995").doesNotContain("/p/9994", "/p/0");
    // Items were left over, so the feed was asked for whole again, not answered "not modified".
    assertThat(site.request("/huge.xml").getHeader("If-None-Match")).isNull();
    assertEquals(5, second.pagesSaved());
    assertThat(site.paths()).contains("/p/9994", "/p/9990");
  }

  @Test
  void aFailingPageIsTriedAgainThenGivenUpAndARobotsRefusalIsNeverAskedAgain() throws Exception {
    sourceLines.add(site.uri("/world.xml").toString());
    site.answer("/robots.txt", 200, "User-agent: WartaBot\nDisallow: /private/\n");
    site.answer("/world.xml", 200, rss(item("/private/x", "Private", "Mon, 16 Jan 2024 07:05:00 GMT", "No."),
        item("/flaky", "Flaky", "Mon, 16 Jan 2024 08:05:00 GMT", "Maybe.")));
    site.answer("/flaky", 500, "oops");

    FetchReport first = fetch.run();
    FetchReport second = fetch.run();
    FetchReport third = fetch.run();

    assertEquals(2, first.newItems());
    assertEquals(1, first.failedPages());
    assertEquals(1, second.newItems()); // the flaky page once more: two tries in all, then given up
    assertEquals(0, third.newItems());
    assertThat(site.paths()).doesNotContain("/private/x");
    assertThat(site.paths().stream().filter("/flaky"::equals)).hasSize(2);
  }

  // ---- helpers

  private static final String LEAD = "Officials said on Tuesday that the talks would continue next week in the "
      + "capital, after a first round ended without an agreement on the main points of the plan.";

  private IngestReport ingest() {
    var scanner = new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(TopicCatalog.standard())),
        new ArticleStore(db, TopicCatalog.standard()), Duration.ofHours(72), clock);
    return scanner.ingest(articles, IngestProgress.SILENT);
  }

  private List<Path> storedPages() throws Exception {
    try (Stream<Path> walk = Files.walk(articles)) {
      return walk.filter(p -> p.toString().endsWith(".html")).toList();
    }
  }

  private String item(String path, String title, String pubDate, String summary) {
    return item(site, path, title, pubDate, summary);
  }

  private static String item(FakeSite host, String path, String title, String pubDate, String summary) {
    return "<item><title>" + title + "</title><link>" + host.uri(path) + "</link><pubDate>" + pubDate
        + "</pubDate><description>" + summary + "</description></item>";
  }

  private static String rss(String... items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Example</title>"
        + String.join("", items) + "</channel></rss>";
  }

  /** A news page; its date only when {@code published} is given. */
  private static String page(String headline, String lead, String published) {
    String date = published.isEmpty() ? "" : "<meta property=\"article:published_time\" content=\"" + published + "\">";
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline + " | Example</title>"
        + date + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + headline
        + "</h1><p>" + lead + "</p><p>" + lead.replace("Tuesday", "Wednesday") + "</p><p>" + lead.toUpperCase()
        + "</p></article><footer>© Example</footer></body></html>";
  }
}
