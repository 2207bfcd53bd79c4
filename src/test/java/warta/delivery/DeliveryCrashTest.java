package warta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.i18n.Language;
import warta.ingest.ArticleFolderScanner;
import warta.ingest.IngestProgress;
import warta.storage.Database;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.telegram.FakeBotApi;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * Exactly once across crashes: a real {@code warta deliver} process broadcasting to 300 readers
 * through a fake Bot API is killed with SIGKILL at three points and restarted; every reader ends
 * with one digest, apart from the documented window: a message in flight when the process dies
 * may arrive twice, at most one per concurrent send.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DeliveryCrashTest {

  private static final int READERS = 300;
  private static final int RATE = 100;
  private static final String TOKEN = "123456789:CRASHtestCRASHtestCRASHtest";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void everyReaderGetsOneDigestThroughKillsAndRestarts() throws Exception {
    Path db = dir.resolve("warta.db");
    // Readers in a zone where it is about noon now, their digest due five minutes ago.
    Instant now = Instant.now();
    int offset = Math.floorMod(12 - now.atOffset(ZoneOffset.UTC).getHour() + 11, 24) - 11;
    ZoneOffset zone = ZoneOffset.ofHours(offset);
    LocalTime due = now.atOffset(zone).toLocalTime().minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
    prepare(db, zone, due);

    try (FakeBotApi botApi = FakeBotApi.start()) {
      botApi.enforceLimits(RATE * 2, 1, 20);
      List<Integer> killedAfter = new ArrayList<>();
      for (double share : List.of(0.1, 0.5, 0.9)) {
        Process child = deliver(db, botApi);
        int target = (int) (READERS * share);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (accepted(botApi) < target && child.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killedAfter.add(accepted(botApi));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
      }
      Process last = deliver(db, botApi);
      assertThat(last.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertEquals(0, last.exitValue(), "the last run completes");

      Map<Long, Integer> digestsPerChat = new HashMap<>();
      for (FakeBotApi.Request r : botApi.requests("sendMessage")) {
        if (r.status() == 200 && r.parameter("text").startsWith("<b>Your digest</b>")) {
          digestsPerChat.merge(Long.parseLong(r.parameter("chat_id")), 1, Integer::sum);
        }
      }
      int duplicates = digestsPerChat.values().stream().mapToInt(n -> n - 1).sum();
      int window = Math.max(16, RATE / 4); // the sends in flight at once, as App sizes them
      System.out.printf("deliveries: %d readers, killed after %s accepted messages, %d duplicates%n",
          READERS, killedAfter, duplicates);
      assertEquals(READERS, digestsPerChat.size(), "every reader got a digest");
      assertThat(duplicates).as("only messages in flight at a kill may come twice").isLessThanOrEqualTo(3 * window);
      assertThat(botApi.violations()).isEmpty();
      assertThat(botApi.tooManyRequests()).isZero();
    }
    try (Database again = Database.open(db)) {
      assertEquals(Map.of(DeliveryLedger.Status.SENT, READERS), new DeliveryLedger(again, Clock.systemUTC())
          .countByStatus());
    }
  }

  private static int accepted(FakeBotApi botApi) {
    return (int) botApi.requests("sendMessage").stream().filter(r -> r.status() == 200).count();
  }

  private void prepare(Path dbFile, ZoneOffset zone, LocalTime due) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("articles"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(folder.resolve("story-" + i + ".txt"), "World\n\nStory number " + i + " on the talks in "
          + "Geneva about trade\n\nGENEVA (Reuters) - Negotiators from " + (i + 2) + " countries met in Geneva on "
          + "Monday for talks number " + i + " about tariffs and trade, officials said on the record.\n");
    }
    TopicCatalog catalog = TopicCatalog.standard();
    try (Database db = Database.open(dbFile)) {
      new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), new ArticleStore(db, catalog),
          Duration.ofHours(72), Clock.systemUTC()).ingest(folder, IngestProgress.SILENT);
      SubscriberStore subscribers = new SubscriberStore(db, catalog::find, Clock.systemUTC());
      for (long chat = 1; chat <= READERS; chat++) {
        subscribers.register(new Subscriber(1000 + chat, Subscriber.ChatType.PRIVATE, Language.EN, zone, due,
            Subscriber.Status.ACTIVE, true, Set.of()));
      }
    }
  }

  private Process deliver(Path db, FakeBotApi botApi) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Ddatabase.path=" + db, "-Dwarta.config=" + dir.resolve("no-such.properties"),
        "-Dtelegram.bot.token=" + TOKEN, "-Dtelegram.api.url=http://" + botApi.host() + ":" + botApi.port(),
        "-Dtelegram.messages-per-second=" + RATE, "warta.App", "deliver");
    File log = dir.resolve("deliver.log").toFile();
    child.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    return child.start();
  }
}
