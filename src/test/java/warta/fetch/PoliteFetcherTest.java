package warta.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import warta.delivery.MutableClock;
import warta.fetch.Fetched.Body;
import warta.fetch.Fetched.Disallowed;
import warta.fetch.Fetched.Failed;
import warta.fetch.Fetched.NotModified;

/** The fetcher against real local web servers: conditional requests, robots.txt, redirects, limits, turns. */
class PoliteFetcherTest {

  private static final String AGENT = "WartaBot/0.1 (+https://github.com/warta-news/warta)";
  /** No host delay, so tests about other things do not wait; timeouts roomy for a busy machine. */
  private static final FetchPolicy QUICK = new FetchPolicy(AGENT, Duration.ZERO, Duration.ofSeconds(5),
      Duration.ofSeconds(5), Duration.ofSeconds(10), 5);
  private static final long LIMIT = PoliteFetcher.MAX_FEED_BYTES;

  private final FakeSite site = FakeSite.start();
  private final PoliteFetcher fetcher = new PoliteFetcher(QUICK);

  @AfterEach
  void stop() throws IOException {
    fetcher.close();
    site.close();
  }

  @Test
  void aConditionalGetSendsTheValidatorsAndAnUnchangedFeedIsNotModified() {
    site.answer("/feed", () -> new MockResponse().setResponseCode(304));
    var validators = new Validators(Optional.of("\"v1\""), Optional.of("Tue, 16 Jan 2024 07:00:00 GMT"));

    Fetched fetched = fetcher.get(site.uri("/feed"), validators, LIMIT);

    assertThat(fetched).isEqualTo(new NotModified());
    assertThat(site.request("/feed").getHeader("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(site.request("/feed").getHeader("If-Modified-Since")).isEqualTo("Tue, 16 Jan 2024 07:00:00 GMT");
  }

  @Test
  void aBodyComesWithItsTypeCharsetAndTheValidatorsForNextTime() {
    byte[] feed = "<rss><channel><title>Berita dunia</title></channel></rss>".getBytes(StandardCharsets.ISO_8859_1);
    site.answer("/feed", () -> new MockResponse()
        .setHeader("Content-Type", "Application/RSS+XML; charset=ISO-8859-1")
        .setHeader("ETag", "W/\"abc\"")
        .setHeader("Last-Modified", "Tue, 16 Jan 2024 07:00:00 GMT")
        .setBody(new Buffer().write(feed)));

    Fetched fetched = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(new Body(site.uri("/feed"), feed, Optional.of("application/rss+xml"),
        Optional.of(StandardCharsets.ISO_8859_1),
        new Validators(Optional.of("W/\"abc\""), Optional.of("Tue, 16 Jan 2024 07:00:00 GMT"))));
    assertThat(site.request("/feed").getHeader("If-None-Match")).isNull();
    assertThat(site.request("/feed").getHeader("If-Modified-Since")).isNull();
  }

  @Test
  void everyRequestNamesOurAgent() {
    site.answer("/feed", 200, "<rss/>");

    fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

    assertThat(site.request("/robots.txt").getHeader("User-Agent")).isEqualTo(AGENT);
    assertThat(site.request("/feed").getHeader("User-Agent")).isEqualTo(AGENT);
  }

  @Test
  void robotsTxtDisallowingOurAgentIsHonouredAndThePageIsNeverAskedFor() {
    site.answer("/robots.txt", 200, "User-agent: *\nDisallow:\n\nUser-agent: WartaBot\nDisallow: /private/\n");
    site.answer("/private/feed", 200, "<rss/>");
    site.answer("/news", 200, "<rss/>");

    Fetched refused = fetcher.get(site.uri("/private/feed"), Validators.none(), LIMIT);
    Fetched allowed = fetcher.get(site.uri("/news"), Validators.none(), LIMIT);

    assertThat(refused).isEqualTo(new Disallowed(
        site.uri("/private/feed") + ": robots.txt of " + site.origin() + " disallows it for WartaBot"));
    assertThat(allowed).isEqualTo(body(site.uri("/news"), "<rss/>"));
    assertThat(site.paths()).containsExactly("/robots.txt", "/news");
  }

  @Test
  void rulesForOtherAgentsDoNotApplyToUs() {
    site.answer("/robots.txt", 200, "User-agent: OtherBot\nDisallow: /\n");
    site.answer("/news", 200, "<rss/>");

    Fetched fetched = fetcher.get(site.uri("/news"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(body(site.uri("/news"), "<rss/>"));
  }

  @Test
  void aCrawlDelayLongerThanOursIsHonouredUpToAMinute() {
    var clock = new MutableClock(Instant.parse("2024-01-16T07:00:00Z"));
    List<Duration> waits = new ArrayList<>();
    var fetcher = new PoliteFetcher(QUICK, clock, wait -> {
      waits.add(wait);
      clock.advance(wait);
    });
    site.answer("/robots.txt", 200, "User-agent: WartaBot\nCrawl-delay: 10\nDisallow: /admin/\n");
    site.answer("/a", 200, "a");
    site.answer("/b", 200, "b");
    try (FakeSite greedy = FakeSite.start()) {
      greedy.answer("/robots.txt", 200, "User-agent: *\nCrawl-delay: 120\n");
      greedy.answer("/a", 200, "a");
      greedy.answer("/b", 200, "b");

      fetcher.get(site.uri("/a"), Validators.none(), LIMIT);
      fetcher.get(site.uri("/b"), Validators.none(), LIMIT);
      fetcher.get(greedy.uri("/a"), Validators.none(), LIMIT);
      fetcher.get(greedy.uri("/b"), Validators.none(), LIMIT);
      fetcher.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofMinutes(1));
  }

  @Test
  void robotsTxtIsFetchedOncePerHostAndAgainAfterADay() {
    var clock = new MutableClock(Instant.parse("2024-01-16T07:00:00Z"));
    var fetcher = new PoliteFetcher(QUICK, clock, clock::advance);
    site.answer("/robots.txt", 200, "User-agent: *\nDisallow: /admin/\n");
    site.answer("/a", 200, "a");
    site.answer("/b", 200, "b");

    fetcher.get(site.uri("/a"), Validators.none(), LIMIT);
    fetcher.get(site.uri("/b"), Validators.none(), LIMIT);
    clock.advance(Duration.ofHours(23));
    fetcher.get(site.uri("/a"), Validators.none(), LIMIT);
    clock.advance(Duration.ofHours(2));
    fetcher.get(site.uri("/a"), Validators.none(), LIMIT);
    fetcher.close();

    assertThat(site.paths()).containsExactly("/robots.txt", "/a", "/b", "/a", "/robots.txt", "/a");
  }

  @Test
  void aMissingRobotsTxtAllowsEverything() {
    site.answer("/feed", 200, "<rss/>");

    Fetched fetched = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(body(site.uri("/feed"), "<rss/>"));
    assertThat(site.paths()).containsExactly("/robots.txt", "/feed");
  }

  @Test
  void aRobotsTxtServerErrorFailsRetryablyWithoutAskingForThePageAndIsAskedAgainNextTime() {
    site.answer("/robots.txt", 503, "down for maintenance");
    site.answer("/feed", 200, "<rss/>");

    Fetched first = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);
    site.answer("/robots.txt", 404, "");
    Fetched second = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

    assertThat(first).isEqualTo(new Failed(site.uri("/feed") + ": robots.txt unavailable ("
        + site.uri("/robots.txt") + ": 503 Service Unavailable)", true));
    assertThat(second).isEqualTo(body(site.uri("/feed"), "<rss/>"));
    assertThat(site.paths()).containsExactly("/robots.txt", "/robots.txt", "/feed");
  }

  @Test
  void redirectsAreFollowedAcrossHostsAndTheFinalUrlIsReported() throws IOException {
    try (FakeSite other = FakeSite.start()) {
      site.redirect("/old-feed", 301, "/moved");
      site.redirect("/moved", 302, other.uri("/feed").toString());
      other.answer("/feed", 200, "<rss/>");

      Fetched fetched = fetcher.get(site.uri("/old-feed"), Validators.none(), LIMIT);

      assertThat(fetched).isEqualTo(body(other.uri("/feed"), "<rss/>"));
      assertThat(site.paths()).containsExactly("/robots.txt", "/old-feed", "/moved");
      assertThat(other.paths()).containsExactly("/robots.txt", "/feed");
    }
  }

  @Test
  void aRedirectIntoAPathTheTargetsRobotsTxtDisallowsIsNotFollowed() throws IOException {
    try (FakeSite other = FakeSite.start()) {
      site.redirect("/feed", 307, other.uri("/members/feed").toString());
      other.answer("/robots.txt", 200, "User-agent: *\nDisallow: /members/\n");

      Fetched fetched = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

      assertThat(fetched).isEqualTo(new Disallowed(
          other.uri("/members/feed") + ": robots.txt of " + other.origin() + " disallows it for WartaBot"));
      assertThat(other.paths()).containsExactly("/robots.txt");
    }
  }

  @Test
  void aRedirectLoopFailsForGoodNamingTheLoop() {
    site.redirect("/a", 301, "/b");
    site.redirect("/b", 302, "/a");

    Fetched fetched = fetcher.get(site.uri("/a"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(new Failed(site.uri("/a") + ": redirect loop: "
        + site.uri("/a") + " -> " + site.uri("/b") + " -> " + site.uri("/a"), false));
  }

  @Test
  void asManyRedirectsAsThePolicyAllowsAreFollowed() {
    for (int i = 0; i < 5; i++) {
      site.redirect("/r" + i, 302, "/r" + (i + 1));
    }
    site.answer("/r5", 200, "<rss/>");

    Fetched fetched = fetcher.get(site.uri("/r0"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(body(site.uri("/r5"), "<rss/>"));
  }

  @Test
  void moreRedirectsThanThePolicyAllowsFailForGood() {
    for (int i = 0; i < 6; i++) {
      site.redirect("/r" + i, 302, "/r" + (i + 1));
    }
    site.answer("/r6", 200, "<rss/>");

    Fetched fetched = fetcher.get(site.uri("/r0"), Validators.none(), LIMIT);

    List<String> hops = new ArrayList<>();
    for (int i = 0; i <= 6; i++) {
      hops.add(site.uri("/r" + i).toString());
    }
    assertThat(fetched).isEqualTo(new Failed(site.uri("/r0") + ": more than 5 redirects: "
        + String.join(" -> ", hops), false));
    assertThat(site.paths()).containsExactly("/robots.txt", "/r0", "/r1", "/r2", "/r3", "/r4", "/r5");
  }

  @Test
  void gzipIsAskedForAndDecoded() throws IOException {
    String feed = "<rss><channel><title>Berita dunia</title></channel></rss>";
    site.answer("/feed", () -> gzipped(feed.getBytes(UTF_8)));

    Fetched fetched = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(body(site.uri("/feed"), feed));
    assertThat(site.request("/feed").getHeader("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void theLimitCountsDecodedBytesSoASmallGzipOfAHugeBodyFails() {
    site.answer("/bomb", () -> gzipped(new byte[4 << 20]));

    Fetched fetched = fetcher.get(site.uri("/bomb"), Validators.none(), 1 << 20);

    assertThat(fetched).isEqualTo(new Failed(site.uri("/bomb") + ": over 1 MB (read 1048577 bytes)", false));
  }

  @Test
  void aDeclaredLengthOverTheLimitFailsForGood() {
    site.answer("/page", 200, "x".repeat(2000));

    Fetched fetched = fetcher.get(site.uri("/page"), Validators.none(), 1000);

    assertThat(fetched).isEqualTo(new Failed(site.uri("/page") + ": over 1000 bytes (Content-Length 2000)", false));
  }

  @Test
  void aBodyOverTheLimitIsNotReadToItsEnd() throws IOException, InterruptedException {
    var hungUp = new CountDownLatch(1);
    HttpServer endless = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endless.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      exchange.sendResponseHeaders(200, 0); // chunked, and it never ends
      try (OutputStream body = exchange.getResponseBody()) {
        byte[] chunk = new byte[64 * 1024];
        while (true) {
          body.write(chunk);
        }
      } catch (IOException e) {
        hungUp.countDown();
      }
    });
    endless.start();
    try {
      URI page = URI.create("http://127.0.0.1:" + endless.getAddress().getPort() + "/page");

      Fetched fetched = fetcher.get(page, Validators.none(), 1 << 20);

      assertThat(fetched).isEqualTo(new Failed(page + ": over 1 MB (read 1048577 bytes)", false));
      assertThat(hungUp.await(10, SECONDS)).as("the server saw the connection closed").isTrue();
    } finally {
      endless.stop(0);
    }
  }

  @Test
  void aBodyTricklingInFailsRetryablyWhenTheCallTimeoutEnds() {
    var policy = new FetchPolicy(AGENT, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(1), 5);
    // One byte every 100 ms: well inside the read timeout, and 100 s for the whole body.
    site.answer("/slow", () -> new MockResponse().setBody("x".repeat(1000)).throttleBody(1, 100, MILLISECONDS));
    Fetched fetched;
    long started = System.nanoTime();

    try (var patient = new PoliteFetcher(policy)) {
      fetched = patient.get(site.uri("/slow"), Validators.none(), LIMIT);
    }

    assertThat(fetched).isEqualTo(new Failed(site.uri("/slow") + ": timed out after 1 s", true));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aServerThatSendsNothingFailsRetryablyAfterTheReadTimeout() {
    var policy = new FetchPolicy(AGENT, Duration.ZERO, Duration.ofSeconds(5), Duration.ofMillis(500),
        Duration.ofSeconds(10), 5);
    site.answer("/stalled", () -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    Fetched fetched;

    try (var impatient = new PoliteFetcher(policy)) {
      fetched = impatient.get(site.uri("/stalled"), Validators.none(), LIMIT);
    }

    assertThat(fetched).isEqualTo(new Failed(site.uri("/stalled") + ": no data for 500 ms", true));
  }

  @Test
  void aServerErrorMayBeRetriedButNotFoundMayNot() {
    site.answer("/broken", 500, "oops");

    Fetched broken = fetcher.get(site.uri("/broken"), Validators.none(), LIMIT);
    Fetched missing = fetcher.get(site.uri("/missing"), Validators.none(), LIMIT);

    assertThat(broken).isEqualTo(new Failed(site.uri("/broken") + ": 500 Internal Server Error", true));
    assertThat(missing).isEqualTo(new Failed(site.uri("/missing") + ": 404 Not Found", false));
  }

  @Test
  void tooManyRequestsMayBeRetriedAndSaysWhen() {
    site.answer("/feed", () -> new MockResponse().setResponseCode(429).setHeader("Retry-After", "120"));

    Fetched fetched = fetcher.get(site.uri("/feed"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(new Failed(site.uri("/feed") + ": 429 Too Many Requests (Retry-After: 120)", true));
  }

  @Test
  void aRefusedConnectionMayBeRetried() throws IOException {
    int port;
    try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    String origin = "http://127.0.0.1:" + port;

    Fetched fetched = fetcher.get(URI.create(origin + "/feed"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(new Failed(origin + "/feed: robots.txt unavailable ("
        + origin + "/robots.txt: connection refused)", true));
  }

  @Test
  void aUrlThatIsNotHttpFailsForGood() {
    Fetched fetched = fetcher.get(URI.create("ftp://example.org/feed.xml"), Validators.none(), LIMIT);

    assertThat(fetched).isEqualTo(new Failed("ftp://example.org/feed.xml: not an http or https URL", false));
  }

  @Test
  void requestsToOneHostTakeTurnsAtLeastTheHostDelayApart() throws Exception {
    Duration hostDelay = Duration.ofMillis(300);
    var policy = new FetchPolicy(AGENT, hostDelay, Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(10), 5);
    List<Instant[]> spans = Collections.synchronizedList(new ArrayList<>());
    var inFlight = new AtomicInteger();
    var mostInFlight = new AtomicInteger();
    for (String path : List.of("/robots.txt", "/a", "/b", "/c")) {
      site.answer(path, () -> {
        Instant start = Instant.now();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sleep(Duration.ofMillis(100));
        inFlight.decrementAndGet();
        spans.add(new Instant[] {start, Instant.now()});
        return new MockResponse().setResponseCode(path.equals("/robots.txt") ? 404 : 200).setBody(path);
      });
    }
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try (var polite = new PoliteFetcher(policy)) {
      List<Future<Fetched>> results = new ArrayList<>();
      for (String path : List.of("/a", "/b", "/c")) {
        results.add(callers.submit(() -> polite.get(site.uri(path), Validators.none(), LIMIT)));
      }
      for (Future<Fetched> result : results) {
        assertThat(result.get(30, SECONDS)).isInstanceOf(Body.class);
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(mostInFlight.get()).isEqualTo(1);
    assertThat(site.paths()).hasSize(4).filteredOn("/robots.txt"::equals).hasSize(1);
    spans.sort(Comparator.comparing(span -> span[0]));
    for (int i = 1; i < spans.size(); i++) {
      // The fetcher counts from when it finished reading, after the server's end: the gap can only
      // be longer. A millisecond of leeway for the wall clock the two sides read.
      assertThat(Duration.between(spans.get(i - 1)[1], spans.get(i)[0]))
          .isGreaterThanOrEqualTo(hostDelay.minusMillis(1));
    }
  }

  @Test
  void aSlowHostDoesNotHoldUpAnotherHost() throws Exception {
    var slowArrived = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    site.answer("/slow", () -> {
      slowArrived.countDown();
      await(release);
      return new MockResponse().setBody("slow");
    });
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (FakeSite other = FakeSite.start()) {
      other.answer("/fast", 200, "fast");
      Future<Fetched> slow = caller.submit(() -> fetcher.get(site.uri("/slow"), Validators.none(), LIMIT));
      assertThat(slowArrived.await(10, SECONDS)).isTrue();

      Fetched fast = fetcher.get(other.uri("/fast"), Validators.none(), LIMIT);
      boolean slowStillWaiting = !slow.isDone();
      release.countDown();

      assertThat(fast).isEqualTo(body(other.uri("/fast"), "fast"));
      assertThat(slowStillWaiting).as("the slow host had not answered yet").isTrue();
      assertThat(slow.get(10, SECONDS)).isEqualTo(body(site.uri("/slow"), "slow"));
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  private static Body body(URI url, String text) {
    return new Body(url, text.getBytes(UTF_8), Optional.empty(), Optional.empty(), Validators.none());
  }

  private static MockResponse gzipped(byte[] bytes) {
    var compressed = new Buffer();
    try (BufferedSink sink = Okio.buffer(new GzipSink(compressed))) {
      sink.write(bytes);
    } catch (IOException e) {
      throw new AssertionError("cannot gzip in memory", e);
    }
    return new MockResponse().setHeader("Content-Encoding", "gzip").setBody(compressed);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, SECONDS)) {
        throw new AssertionError("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
