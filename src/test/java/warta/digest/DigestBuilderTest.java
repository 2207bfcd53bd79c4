package warta.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.delivery.DeliveryLedger;
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

/**
 * Which stories a reader's digest holds and how it reads, on a real store: twelve stories on
 * Kenya (one carried by two sites), three on France, none on Japan.
 */
class DigestBuilderTest {

  private static final Instant INGESTED = Instant.parse("2024-03-04T00:00:00Z");
  private static final Instant NOW = INGESTED.plus(Duration.ofHours(2));
  private static final LocalDate TODAY = LocalDate.parse("2024-03-04");

  @TempDir
  Path dir;

  private Database db;
  private DigestBuilder digests;
  private DeliveryLedger ledger;
  private final Random words = new Random(7);

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("warta.db"));
    TopicCatalog catalog = TopicCatalog.standard();
    ArticleStore articles = new ArticleStore(db, catalog);
    Path folder = Files.createDirectories(dir.resolve("articles"));
    for (int i = 0; i < 12; i++) {
      write(folder, "kenya-" + i, "NAIROBINEWS.COM", "Kenya " + phrase(6), "Kenya " + phrase(90));
    }
    String shared = "Kenya " + phrase(90);
    write(folder, "kenya-copy", "MOMBASAPOST.COM", "Kenya " + phrase(6), shared);
    write(folder, "kenya-copy-2", "COASTTIMES.COM", "Kenya " + phrase(6), shared);
    for (int i = 0; i < 3; i++) {
      write(folder, "france-" + i, "PARISDAILY.COM", "France " + phrase(6), "France " + phrase(90));
    }
    new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), articles, Duration.ofHours(72),
        Clock.fixed(INGESTED, ZoneOffset.UTC)).ingest(folder, IngestProgress.SILENT);
    Messages messages = new Messages();
    digests = new DigestBuilder(articles, new EntryFormat(messages), messages);
    ledger = new DeliveryLedger(db, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aDigestHoldsAtMostTenStoriesOnTheReadersTopicsEachOnceWithHowManySitesCarryIt() {
    Digest digest = digests.buildFor(reader(1, true, Topic.country("KE")), TODAY, NOW, Optional.empty());

    assertEquals(10, digest.stories().size());
    assertEquals(10, new HashSet<>(digest.stories()).size());
    String text = String.join("\n", digest.parts());
    assertThat(text).startsWith("<b>Your digest</b> · 4 Mar 2024").doesNotContain("France ");
    assertThat(text).contains("in 2 sources");
    assertThat(digest.parts()).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
    assertThat(digest.nothingNew()).isFalse();
  }

  @Test
  void aThinDayOnTheReadersTopicsIsFilledWithTopHeadlinesToFive() {
    Digest digest = digests.buildFor(reader(1, true, Topic.country("FR")), TODAY, NOW, Optional.empty());

    assertEquals(5, digest.stories().size());
    String text = String.join("\n", digest.parts());
    assertThat(text.indexOf("France ")).isLessThan(text.indexOf("Kenya "));
  }

  @Test
  void nothingNewSaysSoWithTopHeadlinesOrAloneWhenTheReaderTurnedThemOff() {
    Digest withHeadlines = digests.buildFor(reader(1, true, Topic.country("JP")), TODAY, NOW, Optional.empty());
    Digest alone = digests.buildFor(reader(2, false, Topic.country("JP")), TODAY, NOW, Optional.empty());

    assertThat(withHeadlines.nothingNew()).isTrue();
    assertThat(withHeadlines.parts().get(0)).contains("Nothing new on your topics").contains("Latest headlines");
    assertEquals(5, withHeadlines.stories().size());
    assertThat(alone.nothingNew()).isTrue();
    assertThat(alone.stories()).isEmpty();
    assertThat(String.join("\n", alone.parts())).contains("Nothing new on your topics").doesNotContain("Kenya");
  }

  @Test
  void aStoryAlreadyDeliveredToTheChatNeverComesAgain() {
    Subscriber reader = reader(1, true, Topic.country("KE"));
    new SubscriberStore(db, TopicCatalog.standard()::find, Clock.fixed(NOW, ZoneOffset.UTC)).register(reader);
    Digest first = digests.buildFor(reader, TODAY, NOW, Optional.empty());
    ledger.recordDaily(first).orElseThrow();

    Digest second = digests.buildFor(reader, TODAY.plusDays(1), NOW.plus(Duration.ofHours(1)), Optional.empty());

    assertThat(second.stories()).doesNotContainAnyElementsOf(first.stories()).hasSize(5); // 2 left, 3 top headlines
    Digest otherChat = digests.buildFor(reader(2, true, Topic.country("KE")), TODAY, NOW, Optional.empty());
    assertThat(otherChat.stories()).containsAll(first.stories());
  }

  @Test
  void aLongDigestIsCutIntoMessagesAtEntryBoundaries() {
    Digest digest = digests.buildFor(reader(1, true, Topic.country("KE")), TODAY, NOW, Optional.empty());

    assertThat(digest.parts()).hasSizeGreaterThan(1); // ten long leads do not fit one message
    for (String part : digest.parts()) {
      assertThat(part.length()).isLessThanOrEqualTo(4096);
      assertThat(count(part, "<b>")).isEqualTo(count(part, "</b>"));
      assertThat(count(part, "<blockquote expandable>")).isEqualTo(count(part, "</blockquote>"));
    }
    // Every entry whole in one message: ten quoted leads in all, none cut in two.
    assertEquals(10, digest.parts().stream().mapToInt(part -> count(part, "<blockquote expandable>")).sum());
  }

  // ---- helpers

  private static Subscriber reader(long chat, boolean topHeadlines, Topic... topics) {
    return new Subscriber(chat, Subscriber.ChatType.PRIVATE, Language.EN, ZoneId.of("Asia/Jakarta"),
        LocalTime.of(7, 0), Subscriber.Status.ACTIVE, topHeadlines, Set.of(topics));
  }

  /** A scraped-text article: date line, section, headline, then the lead after its site's dateline. */
  private static void write(Path folder, String name, String site, String headline, String lead) throws Exception {
    Files.writeString(folder.resolve(name + ".txt"), "MARCH 4, 2024\nWorld\n\n" + headline + "\n\n" + site + " - "
        + lead + ".\n\nOfficials said more would follow.\n");
  }

  /** Made-up words, so that no two stories look alike to the story matcher. */
  private String phrase(int count) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < count; w++) {
      if (w > 0) {
        text.append(' ');
      }
      int length = 4 + words.nextInt(6);
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + words.nextInt(26)));
      }
    }
    return text.toString();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
