package warta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import warta.topic.Topic;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** Due digests, the ledger and the rules of exactly once, with a real database and a recording sender. */
class DeliveryRunTest {

  /** 2024-03-04 06:59 in Jakarta; the readers' digests are due at 07:00 there. */
  private static final Instant BEFORE = Instant.parse("2024-03-03T23:59:00Z");
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final long READER = 501;

  @TempDir
  Path dir;

  private Database db;
  private MutableClock clock;
  private SubscriberStore subscribers;
  private DeliveryLedger ledger;
  private RecordingSender sender;
  private DeliveryRun run;
  private Path folder;
  private ArticleFolderScanner scanner;

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("warta.db"));
    clock = new MutableClock(BEFORE.minus(Duration.ofHours(2)));
    TopicCatalog catalog = TopicCatalog.standard();
    ArticleStore articles = new ArticleStore(db, catalog);
    folder = Files.createDirectories(dir.resolve("articles"));
    scanner = new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), articles,
        Duration.ofHours(72), clock);
    story("kenya", "Kenya and Haiti Sign Police Deployment Agreement", "Kenya and Haiti signed an agreement on "
        + "Friday that clears the way for Kenyan police officers to lead a security mission in Haiti.");
    subscribers = new SubscriberStore(db, catalog::find, clock);
    ledger = new DeliveryLedger(db, clock);
    sender = new RecordingSender();
    Messages messages = new Messages();
    run = new DeliveryRun(subscribers, new DigestBuilder(articles, new EntryFormat(messages), messages), ledger,
        sender, Duration.ofHours(6), 4, clock);
    reader(READER, JAKARTA, Set.of(Topic.country("KE")));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aReaderGetsOneDigestAtTheirTimeInTheirZoneAndNoSecond() {
    clock.set(BEFORE);
    assertEquals(0, run.run().due());

    clock.advance(Duration.ofMinutes(1));
    RunReport first = run.run();
    clock.advance(Duration.ofMinutes(1));
    RunReport second = run.run();

    assertEquals(List.of(1, 1, 0), List.of(first.due(), first.sent(), second.due()));
    assertEquals(1, sender.sent.size());
    assertThat(sender.sent.get(0).html()).startsWith("<b>Ringkasan Anda</b> · 4 Mar 2024")
        .contains("Kenya and Haiti Sign Police Deployment Agreement").contains("<blockquote expandable>");
    assertEquals(Map.of(DeliveryLedger.Status.SENT, 1), ledger.countByStatus());
  }

  @Test
  void movingTheZoneAfterTodaysDigestNeverBringsASecond() {
    clock.set(BEFORE.plus(Duration.ofMinutes(1)));
    run.run();
    subscribers.setZone(READER, ZoneId.of("America/Los_Angeles")); // still the day before there

    clock.advance(Duration.ofHours(9)); // 07:00 of the new zone's today has come
    RunReport after = run.run();

    assertEquals(0, after.due());
    assertEquals(1, sender.sent.size());
  }

  @Test
  void aDigestMissedDuringDowntimeGoesOutWithinTheGraceAndIsSkippedAfterIt() {
    long farEast = 502;
    reader(farEast, ZoneId.of("Asia/Vladivostok"), Set.of()); // 07:00 there is 21:00 UTC the day before
    clock.set(Instant.parse("2024-03-04T04:00:00Z")); // Jakarta's digest 4 h late, Vladivostok's 7 h

    RunReport report = run.run();

    assertEquals(List.of(1, 1), List.of(report.sent(), report.skipped()));
    assertThat(sender.sent).extracting(RecordingSender.Message::chatId).containsExactly(READER);
    assertEquals(true, ledger.hasDigestFor(farEast, java.time.LocalDate.parse("2024-03-04")));
  }

  @Test
  void aBlockedChatIsMarkedAndNotRetried() {
    sender.answer = chat -> new SendOutcome.Blocked("Forbidden: bot was blocked by the user");
    clock.set(BEFORE.plus(Duration.ofMinutes(1)));

    RunReport first = run.run();
    clock.advance(Duration.ofMinutes(1));
    run.run();

    assertEquals(1, first.blocked());
    assertEquals(Subscriber.Status.BLOCKED, subscribers.require(READER).status());
    assertEquals(1, sender.sent.size());
  }

  @Test
  void aFailedDigestIsRetriedByTheNextRunAndSentOnce() {
    sender.answer = chat -> new SendOutcome.Failed("502 Bad Gateway");
    clock.set(BEFORE.plus(Duration.ofMinutes(1)));
    assertEquals(1, run.run().failed());

    sender.answer = null;
    clock.advance(Duration.ofMinutes(1));
    RunReport retry = run.run();

    assertEquals(List.of(1, 1), List.of(retry.resumed(), retry.sent()));
    assertEquals(Map.of(DeliveryLedger.Status.SENT, 1), ledger.countByStatus());
  }

  @Test
  void aDeliveryInterruptedMidwayResumesAfterItsLastConfirmedMessage() {
    clock.set(BEFORE.plus(Duration.ofMinutes(1)));
    var recorded = ledger.recordDaily(new warta.digest.Digest(READER, java.time.LocalDate.parse("2024-03-04"),
        List.of(), List.of("part one", "part two", "part three"), false)).orElseThrow();
    ledger.sending(recorded.id());
    ledger.partSent(recorded.id(), 0, READER, 77); // then the process died

    run.run();

    assertThat(sender.sent).extracting(RecordingSender.Message::html).containsExactly("part two", "part three");
    assertEquals(Map.of(DeliveryLedger.Status.SENT, 1), ledger.countByStatus());
  }

  @Test
  void aStorySentOnceNeverComesAgainAndANewDayWithNothingNewSaysSo() throws Exception {
    clock.set(BEFORE.plus(Duration.ofMinutes(1)));
    run.run();

    clock.advance(Duration.ofDays(1));
    run.run();

    assertEquals(2, sender.sent.size());
    assertThat(sender.sent.get(1).html()).contains("Belum ada berita baru tentang topik Anda")
        .doesNotContain("Kenya and Haiti Sign");
  }

  @Test
  void onTheDayClocksSpringForwardAMissingTimeComesAnHourLaterOnce() {
    long berlin = 503;
    reader(berlin, ZoneId.of("Europe/Berlin"), Set.of());
    subscribers.setDeliveryTime(berlin, LocalTime.of(2, 30)); // 2024-03-31 02:30 does not exist in Berlin

    List<Integer> dueEachMinute = new ArrayList<>();
    for (Instant at = Instant.parse("2024-03-31T01:28:00Z"); at.isBefore(Instant.parse("2024-03-31T01:33:00Z"));
         at = at.plus(Duration.ofMinutes(1))) {
      clock.set(at);
      dueEachMinute.add((int) run.dueAt(at).stream().filter(d -> d.reader().chatId() == berlin).count());
      run.run();
    }

    // 03:30 CEST is 01:30 UTC: due from that minute on, until the run that sends it.
    assertEquals(List.of(0, 0, 1, 0, 0), dueEachMinute);
    assertThat(sender.sent).extracting(RecordingSender.Message::chatId).containsOnlyOnce(berlin);
  }

  @Test
  void onTheDayClocksFallBackARepeatedTimeGivesOneDigest() {
    long berlin = 503;
    reader(berlin, ZoneId.of("Europe/Berlin"), Set.of());
    subscribers.setDeliveryTime(berlin, LocalTime.of(2, 30)); // 2024-10-27 02:30 happens twice in Berlin

    clock.set(Instant.parse("2024-10-27T00:29:00Z"));
    run.run(); // the Jakarta reader's digest (07:00 there), not Berlin's yet
    clock.set(Instant.parse("2024-10-27T00:30:00Z")); // the first 02:30, still summer time
    RunReport first = run.run();
    clock.set(Instant.parse("2024-10-27T01:30:00Z")); // the second 02:30, winter time
    RunReport second = run.run();

    assertEquals(1, first.sent());
    assertEquals(0, second.due());
    assertThat(sender.sent).extracting(RecordingSender.Message::chatId).containsOnlyOnce(berlin);
  }

  @Test
  void aReaderInNewYorkGetsSevenOClockLocalAcrossTheChangeToSummerTime() {
    long newYork = 504;
    reader(newYork, ZoneId.of("America/New_York"), Set.of());

    clock.set(Instant.parse("2024-03-09T11:59:00Z"));
    run.run(); // the Jakarta reader's digest
    clock.set(Instant.parse("2024-03-09T12:00:00Z")); // Saturday 07:00 EST
    assertEquals(1, run.run().sent());
    clock.set(Instant.parse("2024-03-10T10:59:00Z")); // Sunday 06:59 EDT
    run.run(); // the Jakarta reader's digest
    assertThat(run.dueAt(clock.instant())).isEmpty();
    clock.set(Instant.parse("2024-03-10T11:00:00Z")); // Sunday 07:00 EDT, an hour earlier in UTC
    assertEquals(1, run.run().sent());
  }

  private void reader(long chat, ZoneId zone, Set<Topic> topics) {
    subscribers.register(new Subscriber(chat, Subscriber.ChatType.PRIVATE, Language.ID, zone, LocalTime.of(7, 0),
        Subscriber.Status.ACTIVE, true, topics));
  }

  private void story(String name, String headline, String lead) throws Exception {
    Files.writeString(folder.resolve(name + ".txt"), "MARCH 3, 2024\nWorld\n\n" + headline + "\n\nNAIROBI (Reuters) - "
        + lead + "\n");
    scanner.ingest(folder, IngestProgress.SILENT);
  }

  /** Records every message; answers Sent unless a test sets another answer. */
  static final class RecordingSender implements MessageSender {
    record Message(long chatId, String html) {}

    final List<Message> sent = Collections.synchronizedList(new ArrayList<>());
    volatile java.util.function.LongFunction<SendOutcome> answer;
    private int ids = 100;

    @Override
    public synchronized SendOutcome send(long chatId, boolean group, String html) {
      sent.add(new Message(chatId, html));
      return answer != null ? answer.apply(chatId) : new SendOutcome.Sent(chatId, ids++);
    }
  }
}
