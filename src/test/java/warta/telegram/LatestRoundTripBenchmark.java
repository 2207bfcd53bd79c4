package warta.telegram;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import warta.article.Article;
import warta.article.ArticleStore;
import warta.article.Published;
import warta.bot.Conversation;
import warta.bot.Defaults;
import warta.bot.Incoming;
import warta.delivery.MutableClock;
import warta.delivery.Outbox;
import warta.delivery.OutboxLimits;
import warta.i18n.Language;
import warta.i18n.Messages;
import warta.storage.Database;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.topic.Topic;
import warta.topic.TopicCatalog;

/**
 * A benchmark, not a test (surefire does not pick it up by name): {@code /latest} with 100,000
 * stored articles and 10,000 subscribers, through the real client and long polling against the
 * fake Bot API. Prints p50/p99 of the round trip (update pushed to reply received) and of the
 * bot's own handling, beside a baseline measured in the same run on an almost empty store.
 * Never fails on a number. Run: {@code mvn -B test -Dtest=LatestRoundTripBenchmark -Dbench.articles=100000}.
 */
class LatestRoundTripBenchmark {

  private static final String TOKEN = "123456789:BENCHtokenBENCHtokenBENCH";
  private static final List<String> COUNTRIES = List.of("RU", "UA", "US", "CN", "ID", "JP", "KR", "KP", "IN", "DE",
      "FR", "GB", "BR", "AU", "IL", "PS", "IR", "TR", "EG", "NG", "ZA", "MX", "CA", "PH", "VN", "TH", "MY", "SG");
  private static final List<String> THEMES = List.of("diplomacy", "conflict", "economy", "politics", "climate",
      "technology", "health");
  /**
   * How far the conversation's clock moves on before each query. The benchmark asks much faster
   * than readers do, and the same chat comes up again soon when there are few readers; on real
   * time Conversation's flood guard (8 commands per chat in 20 s) would answer such a chat with a
   * cooldown notice, then not at all. /latest itself does not read the clock.
   */
  private static final Duration BETWEEN_QUERIES = Duration.ofMinutes(1);

  @Test
  @Timeout(value = 2, unit = TimeUnit.HOURS) // a benchmark, not a test: the default 5-minute limit is for tests
  void latestRoundTrip() throws Exception {
    int articles = Integer.getInteger("bench.articles", 100_000);
    int readers = Integer.getInteger("bench.subscribers", 10_000);
    int queries = Integer.getInteger("bench.queries", 500);
    System.out.printf(Locale.ROOT, "== /latest round trip (machine: %d cores, java %s)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    Result baseline = run(100, 100, queries / 2);
    Result full = run(articles, readers, queries);
    System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %10s%n", "", "trip p50", "trip p99", "handle p50", "handle p99");
    baseline.print("100 articles, 100 readers");
    full.print(articles + " articles, " + readers + " readers");
    System.out.printf(Locale.ROOT, "ratio full / baseline (p50 trip): %.2f; goal p99 handling <= 50 ms%n",
        full.tripP50 / baseline.tripP50);
  }

  private record Result(double tripP50, double tripP99, double handleP50, double handleP99, double loadSeconds) {
    void print(String name) {
      System.out.printf(Locale.ROOT, "%-32s %8.1f ms %8.1f ms %8.2f ms %8.2f ms   (store built in %.1f s)%n", name,
          tripP50, tripP99, handleP50, handleP99, loadSeconds);
    }
  }

  private Result run(int articleCount, int readerCount, int queries) throws Exception {
    Path dir = Files.createTempDirectory("warta-latest-bench");
    try {
      return run(dir, articleCount, readerCount, queries);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private Result run(Path dir, int articleCount, int readerCount, int queries) throws Exception {
    TopicCatalog catalog = TopicCatalog.standard();
    try (Database db = Database.open(dir.resolve("warta.db")); FakeBotApi botApi = FakeBotApi.start()) {
      ArticleStore store = new ArticleStore(db, catalog);
      SubscriberStore subscribers = new SubscriberStore(db, catalog::find, Clock.systemUTC());
      long started = System.nanoTime();
      fill(db, store, subscribers, articleCount, readerCount);
      double loadSeconds = (System.nanoTime() - started) / 1e9;
      Messages messages = new Messages();
      MutableClock clock = new MutableClock(Instant.now());
      Conversation conversation = new Conversation(subscribers, store, catalog, messages,
          new Defaults(ZoneId.of("UTC"), ZoneId.of("Asia/Jakarta"), LocalTime.of(7, 0)), clock,
          new warta.delivery.DeliveryLedger(db, clock));

      // The bot's own handling, in-process, for readers with their topics.
      Random random = new Random(1);
      List<Double> handling = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        long chat = 1 + random.nextInt(readerCount);
        clock.advance(BETWEEN_QUERIES);
        long t0 = System.nanoTime();
        conversation.handle(Incoming.message(chat, Subscriber.ChatType.PRIVATE, chat, "en", "/latest", () -> true));
        handling.add((System.nanoTime() - t0) / 1e6);
      }

      // The round trip through the client, long polling and the fake Bot API.
      // Replies go through the outbox as in production; at 1000/s (paid broadcasts) its spacing
      // stays out of the way of one query at a time, so the trip measures the machinery.
      try (Outbox outbox = new Outbox(new TelegramTransport(new OkHttpTelegramClient(TOKEN, botApi.url()), TOKEN,
              false), OutboxLimits.telegramDefaults().withGlobalPerSecond(1000));
           TelegramBot bot = new TelegramBot(TOKEN, URI.create("http://" + botApi.host() + ":" + botApi.port()),
          conversation, subscribers, messages, outbox)) {
        bot.start();
        List<Double> trips = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
          long chat = 1 + random.nextInt(readerCount);
          clock.advance(BETWEEN_QUERIES);
          long t0 = System.nanoTime();
          botApi.pushPrivateMessage(chat, "en", "/latest");
          botApi.takeRequest("sendMessage", Duration.ofSeconds(30));
          trips.add((System.nanoTime() - t0) / 1e6);
        }
        botApi.awaitLongPoll(Duration.ofSeconds(10));
        return new Result(percentile(trips, 50), percentile(trips, 99), percentile(handling, 50),
            percentile(handling, 99), loadSeconds);
      }
    }
  }

  /** Articles spread over 90 days with one to three countries and a theme each; readers with two or three topics. */
  private static void fill(Database db, ArticleStore store, SubscriberStore subscribers, int articles, int readers) {
    Random random = new Random(42);
    Instant now = Instant.now();
    for (int start = 0; start < articles; start += 5_000) {
      int from = start;
      db.write(c -> {
        for (int i = from; i < Math.min(articles, from + 5_000); i++) {
          List<Topic> topics = new ArrayList<>();
          topics.add(Topic.country(COUNTRIES.get(random.nextInt(COUNTRIES.size()))));
          if (random.nextBoolean()) {
            topics.add(Topic.country(COUNTRIES.get(random.nextInt(COUNTRIES.size()))));
          }
          topics.add(Topic.theme(THEMES.get(random.nextInt(THEMES.size()))));
          Instant seen = now.minusSeconds(random.nextInt(90 * 24 * 3600));
          Article article = new Article("a" + i, Path.of("bench/a" + i + ".html"), "Headline number " + i
              + " about " + topics.get(0).code(), Optional.of(Published.on(LocalDate.ofInstant(seen, ZoneId.of("UTC")))),
              "Lead paragraph of article " + i + ", with enough words to look like a real lead of a news story.",
              "source" + (i % 40) + ".example", "https://source" + (i % 40) + ".example/" + i, "en", "World",
              topics.stream().distinct().toList(), List.of("Lead paragraph of article " + i + "."));
          store.insert(c, article, "hash-" + i, seen, Optional.empty());
        }
        return null;
      });
    }
    for (int r = 1; r <= readers; r++) {
      Set<Topic> topics = Set.of(Topic.country(COUNTRIES.get(r % COUNTRIES.size())),
          Topic.theme(THEMES.get(r % THEMES.size())));
      subscribers.register(new Subscriber(r, Subscriber.ChatType.PRIVATE, Language.EN, ZoneId.of("UTC"),
          LocalTime.of(7, 0), Subscriber.Status.ACTIVE, true, topics));
    }
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
