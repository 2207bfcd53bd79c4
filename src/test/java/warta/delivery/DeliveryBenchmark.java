package warta.delivery;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.digest.DigestBuilder;
import warta.digest.EntryFormat;
import warta.i18n.Language;
import warta.i18n.Messages;
import warta.ingest.ArticleFolderScanner;
import warta.ingest.IngestProgress;
import warta.storage.Database;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.telegram.FakeBotApi;
import warta.telegram.TelegramBot;
import warta.telegram.TelegramTransport;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * A benchmark, not a test (surefire does not pick it up by name): readers all due in the same
 * minute, one whole delivery run (digest built, recorded, sent, confirmed for each) through the
 * outbox, the real TelegramBots client and the fake Bot API enforcing Telegram's limits. Prints
 * the achieved rate as a share of the limit, the 429s and the time; never fails on a number.
 * Run: {@code mvn -B test -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DeliveryBenchmark {

  private static final String TOKEN = "123456789:BENCHdeliveryBENCHdelivery";

  @Test
  @Timeout(value = 2, unit = TimeUnit.HOURS) // a benchmark, not a test: the default 5-minute limit is for tests
  void readersDueInTheSameMinute() throws Exception {
    int readers = Integer.getInteger("bench.readers", 10_000);
    System.out.printf(Locale.ROOT, "== delivery run, %d readers due in the same minute (%d cores, java %s)%n", readers,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    run(readers, 30);
    run(readers, 1000);
  }

  private void run(int readers, int rate) throws Exception {
    Path dir = Files.createTempDirectory("warta-delivery-bench");
    TopicCatalog catalog = TopicCatalog.standard();
    Instant now = Instant.now();
    int offset = Math.floorMod(12 - now.atOffset(ZoneOffset.UTC).getHour() + 11, 24) - 11;
    ZoneOffset zone = ZoneOffset.ofHours(offset);
    LocalTime due = now.atOffset(zone).toLocalTime().minusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
    try (Database db = Database.open(dir.resolve("warta.db")); FakeBotApi botApi = FakeBotApi.start()) {
      Path folder = Files.createDirectories(dir.resolve("articles"));
      for (int i = 0; i < 8; i++) {
        Files.writeString(folder.resolve("s" + i + ".txt"), "World\n\nStory " + i + " on the Geneva trade talks "
            + "number " + i + "\n\nGENEVA (Reuters) - Negotiators from " + (i + 2) + " countries met on Monday "
            + "for round " + i + " of talks about tariffs, officials said.\n");
      }
      ArticleStore articles = new ArticleStore(db, catalog);
      new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), articles, Duration.ofHours(72),
          Clock.systemUTC()).ingest(folder, IngestProgress.SILENT);
      SubscriberStore subscribers = new SubscriberStore(db, catalog::find, Clock.systemUTC());
      for (long chat = 1; chat <= readers; chat++) {
        subscribers.register(new Subscriber(chat, Subscriber.ChatType.PRIVATE, Language.EN, zone, due,
            Subscriber.Status.ACTIVE, true, Set.of()));
      }
      botApi.enforceLimits(rate, 1, 20);
      int connections = Math.max(16, rate / 4);
      TelegramTransport transport = new TelegramTransport(TelegramTransport.client(TOKEN,
          TelegramBot.telegramUrl(java.net.URI.create("http://" + botApi.host() + ":" + botApi.port())), connections),
          TOKEN, rate > 30);
      DeliveryLedger ledger = new DeliveryLedger(db, Clock.systemUTC());
      Messages messages = new Messages();
      try (Outbox outbox = new Outbox(transport, OutboxLimits.telegramDefaults().withGlobalPerSecond(rate))) {
        DeliveryRun run = new DeliveryRun(subscribers, new DigestBuilder(articles, new EntryFormat(messages), messages),
            ledger, (chat, group, html) -> outbox.send(chat, group, html, Outbox.Priority.BROADCAST),
            Duration.ofHours(6), connections, Clock.systemUTC(), () -> outbox.stats().tooManyRequests());
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        RunReport report = run.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = processCpuNanos() - cpu0;
        FakeBotApi.SendRate measured = botApi.sendRate();
        System.out.printf(Locale.ROOT, "limit %4d/s: %s%n", rate, report);
        System.out.printf(Locale.ROOT, "  %.1f s in all; %.2f digests/s over the run; the fake saw %.2f msg/s "
                + "(%.3f of the limit), busiest second %d, 429s %d; CPU %.3f ms per message (whole process, fake "
                + "included)%n", seconds, report.sent() / seconds, measured.perSecond(), measured.perSecond() / rate,
            measured.busiestSecond(), measured.tooManyRequests(), cpu / 1e6 / Math.max(1, report.sent()));
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }
}
