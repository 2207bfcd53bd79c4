package warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.storage.Database;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * How well ingestion groups retold news into stories, on pages of the shared public corpus
 * ({@code ../shared/corpus/articles}) labelled by hand in {@code stories/corpus-stories.tsv}:
 * pairwise precision and recall, precision held above a floor set just under what it reaches.
 * Skipped where the corpus is not beside the project.
 */
class StoryClusteringTest {

  /**
   * The labelled pages were published from 2010 to 2024: a window this long lets any two of them
   * meet, so that similarity alone decides what joins. (The window only bounds how old a candidate
   * may be, and a page without a date counts from {@link #NOW}, so with production's 72 hours the
   * outcome would also depend on the order of ingestion.)
   */
  private static final Duration ANY_TIME = Duration.ofDays(40 * 366);
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private static Map<String, String> labels;
  private static IngestReport report;
  private static Map<String, Long> stories;
  private static PairScore score;

  static Path corpus() {
    return Path.of(System.getProperty("warta.shared", "../shared")).resolve("corpus/articles");
  }

  @BeforeAll
  static void clusterTheLabelledPages(@TempDir Path dir) throws Exception {
    Path corpus = corpus();
    assumeTrue(Files.isRegularFile(corpus.resolve("truth.jsonl")), "no corpus at " + corpus);
    labels = labels("/stories/corpus-stories.tsv");
    Path articles = Files.createDirectories(dir.resolve("articles"));
    for (String id : labels.keySet()) {
      // Copied for this run only, so that the scanner sees the labelled pages and no others.
      Files.copy(corpus.resolve(id + ".html"), articles.resolve(id + ".html"));
    }
    Path file = dir.resolve("warta.db");
    try (Database db = Database.open(file)) {
      TopicCatalog catalog = TopicCatalog.standard();
      var scanner = new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)),
          new ArticleStore(db, catalog), ANY_TIME, Clock.fixed(NOW, ZoneOffset.UTC));
      report = scanner.ingest(articles, IngestProgress.SILENT);
    }
    stories = storiesByPage(file);
    score = PairScore.of(labels, stories);
    System.out.println(score.table(report));
  }

  @Test
  void everyLabelledPageIsStoredInAStory() {
    assertThat(report.rejected()).isZero();
    assertThat(stories.keySet()).containsExactlyInAnyOrderElementsOf(labels.keySet());
  }

  @Test
  void pairwisePrecisionAndRecallStayAboveTheirFloors() {
    assertThat(score.joined()).as("pairs joined into one story").isPositive();
    assertThat(score.precision()).as(score.table(report)).isGreaterThanOrEqualTo(0.95);
    // Measured 8 of 11 same-story pairs joined; a floor just under, on a set this small.
    assertThat(score.recall()).as(score.table(report)).isGreaterThanOrEqualTo(0.6);
  }

  /** Page id to story label, in file order; blank lines and {@code #} comments skipped. */
  private static Map<String, String> labels(String resource) throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    try (InputStream in = StoryClusteringTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
          throw new IllegalStateException(resource + ":" + number + ": \"" + line
              + "\" is not <page id> TAB <story label>");
        }
        if (labels.put(fields[0].strip(), fields[1].strip()) != null) {
          throw new IllegalStateException(resource + ":" + number + ": " + fields[0] + " is labelled twice");
        }
      }
    }
    return labels;
  }

  /** Page id (file name without {@code .html}) to the story its article joined, read from the database file. */
  private static Map<String, Long> storiesByPage(Path file) throws SQLException {
    Map<String, Long> stories = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
         PreparedStatement s = c.prepareStatement(
             "SELECT f.path, a.story_id FROM stored_file f JOIN article a ON a.id = f.article_id");
         ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        String name = Path.of(rows.getString(1)).getFileName().toString();
        stories.put(name.substring(0, name.length() - ".html".length()), rows.getLong(2));
      }
    }
    return stories;
  }

  /**
   * Pairwise agreement of a clustering with the labels, over every pair of labelled pages.
   *
   * @param pages labelled pages
   * @param joined pairs the clustering put in one story
   * @param right of {@code joined}, the pairs the labels put in one story too
   * @param labelled pairs the labels put in one story
   * @param wrong joined pairs of two different stories
   * @param missed labelled pairs left in two stories
   */
  record PairScore(int pages, int joined, int right, int labelled, List<String> wrong, List<String> missed) {

    static PairScore of(Map<String, String> labels, Map<String, Long> stories) {
      List<String> ids = new ArrayList<>(labels.keySet());
      int joined = 0;
      int right = 0;
      int labelled = 0;
      List<String> wrong = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          String a = ids.get(i);
          String b = ids.get(j);
          boolean together = stories.containsKey(a) && stories.get(a).equals(stories.get(b));
          boolean same = labels.get(a).equals(labels.get(b));
          String pair = a + " (" + labels.get(a) + ") + " + b + " (" + labels.get(b) + ")";
          joined += together ? 1 : 0;
          right += together && same ? 1 : 0;
          labelled += same ? 1 : 0;
          if (together && !same) {
            wrong.add(pair);
          } else if (same && !together) {
            missed.add(pair);
          }
        }
      }
      return new PairScore(ids.size(), joined, right, labelled, wrong, missed);
    }

    /** Share of joined pairs that are one story; 0 when nothing was joined. */
    double precision() {
      return joined == 0 ? 0 : (double) right / joined;
    }

    /** Share of same-story pairs that were joined. */
    double recall() {
      return labelled == 0 ? 0 : (double) right / labelled;
    }

    String table(IngestReport report) {
      StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
          "Story clustering of %d labelled pages (%s)%n"
              + "  pairs joined %d, of them one story %d; pairs labelled one story %d%n"
              + "  precision %.3f (%d/%d)  recall %.3f (%d/%d)%n",
          pages, report, joined, right, labelled, precision(), right, joined, recall(), right, labelled));
      table.append("  wrong pairs (joined, labelled apart):").append(wrong.isEmpty() ? " none" : "").append('\n');
      wrong.forEach(pair -> table.append("    ").append(pair).append('\n'));
      table.append("  missed pairs (labelled one story, left apart):").append(missed.isEmpty() ? " none" : "")
          .append('\n');
      missed.forEach(pair -> table.append("    ").append(pair).append('\n'));
      return table.toString();
    }
  }
}
