package warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.article.StoryEntry;
import warta.storage.Database;
import warta.topic.Topic;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

class ArticleFolderScannerTest {

  static final String KENYA = """
      MARCH 4, 2024
      World

      Kenya and Haiti Sign Police Deployment Agreement in Nairobi

      NAIROBI (Reuters) - Kenya and Haiti signed an agreement on Friday that clears the way for Kenyan police officers to lead a security mission in Haiti, officials said.

      The deal was signed by Kenyan President William Ruto at State House in Nairobi.
      """;
  static final String KENYA_AGAIN = """
      MARCH 4, 2024
      Dunia

      Kenya and Haiti sign deal on Kenyan police mission to Haiti

      KABARDUNIA.COM - Kenya and Haiti signed an agreement on Friday clearing the way for Kenyan police officers to lead a security mission in Haiti, officials in Nairobi said.

      President William Ruto signed the agreement at State House.
      """;
  static final String FLOODS = """
      MAY 3, 2024
      World

      Floods Force Thousands From Their Homes in Southern Brazil

      PORTO ALEGRE (Reuters) - Heavy rain in southern Brazil has forced more than 10,000 people from their homes, the civil defence agency said on Friday.

      Rivers kept rising across the state of Rio Grande do Sul.
      """;

  @TempDir
  Path dir;

  private Path articles;
  private Database db;
  private ArticleStore store;
  private ArticleFolderScanner scanner;

  @BeforeEach
  void open() throws Exception {
    articles = Files.createDirectories(dir.resolve("articles"));
    db = Database.open(dir.resolve("warta.db"));
    TopicCatalog catalog = TopicCatalog.standard();
    store = new ArticleStore(db, catalog);
    scanner = new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), store,
        Duration.ofHours(72), Clock.fixed(Instant.parse("2024-05-04T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void firstRunStoresEveryArticleAndCountsTheRejected() throws Exception {
    write("kenya.txt", KENYA);
    write("sub/floods.txt", FLOODS);
    write("empty.html", "");

    IngestReport report = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(List.of(3, 2, 0, 0, 0, 1), counts(report));
    assertEquals(2, store.articleCount());
  }

  @Test
  void secondRunOverUnchangedFilesChangesNothing() throws Exception {
    write("kenya.txt", KENYA);
    write("floods.txt", FLOODS);
    scanner.ingest(articles, IngestProgress.SILENT);

    IngestReport again = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(List.of(2, 0, 0, 0, 2, 0), counts(again));
    assertEquals(2, store.articleCount());
  }

  @Test
  void touchedFileWithTheSameBytesIsUnchanged() throws Exception {
    Path kenya = write("kenya.txt", KENYA);
    scanner.ingest(articles, IngestProgress.SILENT);
    Files.setLastModifiedTime(kenya, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    IngestReport again = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(List.of(1, 0, 0, 0, 1, 0), counts(again));
  }

  @Test
  void changedFileIsStoredAgainAndTheOldVersionStays() throws Exception {
    Path kenya = write("kenya.txt", KENYA);
    scanner.ingest(articles, IngestProgress.SILENT);
    Files.writeString(kenya, FLOODS);
    Files.setLastModifiedTime(kenya, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    IngestReport again = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(List.of(1, 0, 1, 0, 0, 0), counts(again));
    assertEquals(2, store.articleCount());
  }

  @Test
  void removedFileKeepsItsArticle() throws Exception {
    Path kenya = write("kenya.txt", KENYA);
    scanner.ingest(articles, IngestProgress.SILENT);
    Files.delete(kenya);

    IngestReport again = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(0, again.scanned());
    assertEquals(1, store.articleCount());
  }

  @Test
  void identicalCopyUnderAnotherNameIsNotASecondArticle() throws Exception {
    write("kenya.txt", KENYA);
    write("copy/kenya-saved-again.txt", KENYA);

    IngestReport report = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(2, report.added());
    assertEquals(1, report.copies());
    assertEquals(1, store.articleCount());
  }

  @Test
  void sameStoryFromTwoSourcesIsOneEntryCarriedByBoth() throws Exception {
    write("a-kenya.txt", KENYA);
    write("b-kenya-again.txt", KENYA_AGAIN);
    write("c-floods.txt", FLOODS);

    IngestReport report = scanner.ingest(articles, IngestProgress.SILENT);

    assertEquals(1, report.joined());
    List<StoryEntry> latest = store.latest(Optional.empty(), 10);
    assertThat(latest).extracting(StoryEntry::headline).containsExactly(
        "Floods Force Thousands From Their Homes in Southern Brazil",
        "Kenya and Haiti Sign Police Deployment Agreement in Nairobi");
    assertEquals(2, latest.get(1).sources());
    assertEquals(List.of("Kenya and Haiti Sign Police Deployment Agreement in Nairobi"),
        store.latest(Optional.of(Topic.country("HT")), 10).stream().map(StoryEntry::headline).toList());
  }

  @Test
  void storedArticlesSurviveReopeningTheDatabase() throws Exception {
    write("kenya.txt", KENYA);
    scanner.ingest(articles, IngestProgress.SILENT);
    db.close();

    try (Database again = Database.open(dir.resolve("warta.db"))) {
      assertEquals(1, new ArticleStore(again, TopicCatalog.standard()).articleCount());
    }
    db = Database.open(dir.resolve("warta.db"));
  }

  private Path write(String name, String text) throws Exception {
    Path file = articles.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static List<Integer> counts(IngestReport r) {
    return List.of(r.scanned(), r.added(), r.changed(), r.copies(), r.unchanged(), r.rejected());
  }
}
