package warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import warta.i18n.Language;
import warta.storage.Database;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.telegram.FakeBotApi;
import warta.topic.TopicCatalog;

/**
 * {@code warta run} as an operator starts it: a real process against the fake Bot API. At start
 * it ingests, registers its commands, polls, answers a reader, and sends a digest that is due;
 * SIGTERM stops it cleanly, and a second start sends no digest twice.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunProcessTest {

  private static final String TOKEN = "123456789:RUNtestRUNtestRUNtestRUNtest";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long READER = 7001;
  private static final long NEWCOMER = 7002;

  @TempDir
  Path dir;

  private int healthPort;

  @Test
  void runIngestsAnswersDeliversAndStopsCleanlyOnSigterm() throws Exception {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(articles.resolve("geneva.txt"), "World\n\nTrade talks resume in Geneva\n\nGENEVA (Reuters) - "
        + "Negotiators from twelve countries met in Geneva on Monday to resume talks about tariffs and trade, "
        + "officials said.\n");
    // A reader whose digest came due five minutes ago, in a zone where it is about noon now.
    Instant now = Instant.now();
    ZoneOffset zone = ZoneOffset.ofHours(Math.floorMod(12 - now.atOffset(ZoneOffset.UTC).getHour() + 11, 24) - 11);
    LocalTime due = now.atOffset(zone).toLocalTime().minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
    Path db = dir.resolve("warta.db");
    try (Database store = Database.open(db)) {
      new SubscriberStore(store, TopicCatalog.standard()::find, Clock.systemUTC()).register(new Subscriber(READER,
          Subscriber.ChatType.PRIVATE, Language.EN, zone, due, Subscriber.Status.ACTIVE, true, Set.of()));
    }

    try (FakeBotApi botApi = FakeBotApi.start()) {
      Process bot = run(db, articles, botApi, "first.log");
      botApi.awaitLongPoll(WAIT);
      botApi.pushPrivateMessage(NEWCOMER, "id", "/start");

      FakeBotApi.Request digest = takeTo(botApi, READER);
      FakeBotApi.Request welcome = takeTo(botApi, NEWCOMER);
      var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + healthPort + "/health")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      bot.destroy(); // SIGTERM, as a service manager stops it

      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      assertEquals(143, bot.exitValue(), "ended by SIGTERM after its shutdown hook");
      assertThat(digest.parameter("text")).startsWith("<b>Your digest</b>").contains("Trade talks resume in Geneva");
      assertThat(welcome.parameter("text")).startsWith("👋 <b>Selamat datang di Warta</b>");
      assertThat(botApi.requests("setMyCommands")).hasSize(2);
      assertEquals(200, health.statusCode());
      assertThat(health.body()).contains("last ingest: ").contains("articles: 1").endsWith("status: ok\n");
      String log = Files.readString(dir.resolve("first.log"));
      assertThat(log).contains("ingest: 1 scanned, 1 new").contains("Stopped").doesNotContain(TOKEN);

      Process again = run(db, articles, botApi, "second.log");
      botApi.awaitLongPoll(WAIT);
      again.destroy();
      assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(botApi.requests("sendMessage").stream().filter(r -> r.parameter("chat_id")
          .equals(String.valueOf(READER)))).as("one digest a day, restarts or not").hasSize(1);
      assertThat(botApi.violations()).isEmpty();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static FakeBotApi.Request takeTo(FakeBotApi botApi, long chat) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (FakeBotApi.Request r : botApi.requests("sendMessage")) {
        if (r.parameter("chat_id").equals(String.valueOf(chat))) {
          return r;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no message to chat " + chat + "; sent: " + botApi.requests("sendMessage"));
  }

  private Process run(Path db, Path articles, FakeBotApi botApi, String logName) throws Exception {
    healthPort = freePort();
    Path sources = Files.writeString(dir.resolve("sources.txt"), "http://127.0.0.1:9/feed.xml\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Ddatabase.path=" + db, "-Darticles.dir=" + articles, "-Dsources.file=" + sources,
        "-Dwarta.config=" + dir.resolve("no-such.properties"), "-Dhealth.address=127.0.0.1:" + healthPort,
        "-Dtelegram.api.url=http://" + botApi.host() + ":" + botApi.port(), "warta.App", "run");
    child.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    child.redirectErrorStream(true).redirectOutput(dir.resolve(logName).toFile());
    return child.start();
  }
}
