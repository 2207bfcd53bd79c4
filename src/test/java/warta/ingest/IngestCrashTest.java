package warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * {@code warta ingest} in a real child JVM, killed with SIGKILL before its first commit and after
 * about 10 %, 50 % and 90 % of the articles are committed: every kill keeps what was committed
 * and leaves a consistent database, the next run completes the rest, and a run over the unchanged
 * folder then finds nothing to do.
 */
class IngestCrashTest {

  /** Distinct articles written; identical copies and files holding no article come on top. */
  private static final int ARTICLES = 1_800;
  /** Bounds every wait on a child process. */
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  /** A process killed by signal 9: {@code Process.exitValue()} on Linux is 128 + the signal. */
  private static final int KILLED_BY_SIGKILL = 128 + 9;

  @TempDir
  Path dir;

  private Path db;
  private Path articles;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "destroyForcibly() sends SIGKILL on POSIX systems only")
  void killedIngestionKeepsWhatItCommittedAndTheNextRunCompletesTheRest() throws Exception {
    articles = dir.resolve("articles");
    db = dir.resolve("db/warta.db");
    Inputs inputs = Inputs.write(articles, ARTICLES);
    int total = inputs.hashByPath().size();
    int distinct = inputs.articleHashes().size();

    killOnceTheSchemaIsCommitted("run-started");
    Stored stored = checkedSnapshot("run-started", inputs, Stored.NONE, 0);
    for (double share : List.of(0.1, 0.5, 0.9)) {
      String run = "run-" + (int) (share * 100) + "pc";
      long committed = killOnceCommitted(run, Math.round(distinct * share));
      stored = checkedSnapshot(run, inputs, stored, committed);
    }
    String completing = runToTheEnd("run-complete");
    Stored complete = checkedSnapshot("run-complete", inputs, stored, distinct);
    String again = runToTheEnd("run-unchanged");

    assertThat(completing).startsWith("ingest: " + total + " scanned, ");
    assertEquals(inputs.hashByPath().keySet(), complete.files().keySet());
    assertEquals(inputs.articleHashes(), Set.copyOf(complete.articles().values()));
    assertEquals(distinct, complete.articles().size(), "one article per distinct content");
    assertEquals(inputs.rejectedPaths(), complete.rejectedPaths());
    assertThat(again).matches("ingest: " + total + " scanned, 0 new, 0 changed, " + total
        + " unchanged, 0 rejected, 0 joined a story, in \\d+ ms\\R");
  }

  /** Starts {@code warta ingest} in its own JVM on this test's class path, its output in files. */
  private Process start(String run) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a short run on few cores: C1 only and the serial GC leave the cores to ingestion
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Ddatabase.path=" + db, "-Dwarta.config=" + dir.resolve("no-such-settings.properties"),
        "-cp", System.getProperty("java.class.path"), "warta.App", "ingest", "--dir", articles.toString());
    return new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve(run + ".out").toFile())
        .redirectError(dir.resolve(run + ".err").toFile())
        .start();
  }

  /** Kills a new run once its schema is committed: while it reads and parses its first batch. */
  private void killOnceTheSchemaIsCommitted(String run) throws Exception {
    killWhen(run, () -> schemaVersion() > 0, "its schema to be committed");
  }

  /** Kills a new run once the database holds {@code target} articles; returns how many it held then. */
  private long killOnceCommitted(String run, long target) throws Exception {
    long[] seen = {0};
    killWhen(run, () -> (seen[0] = committedArticles()) >= target, target + " committed articles");
    return seen[0];
  }

  private void killWhen(String run, Condition condition, String what) throws Exception {
    Process ingest = start(run);
    try {
      awaitWhileRunning(run, ingest, condition, what);
      kill(run, ingest);
    } finally {
      ingest.destroyForcibly();
    }
  }

  /** Runs an ingestion to its end; returns its standard output. */
  private String runToTheEnd(String run) throws Exception {
    Process ingest = start(run);
    try {
      assertTrue(ingest.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS), run + " still running after " + RUN_LIMIT);
    } finally {
      ingest.destroyForcibly();
    }
    assertEquals(0, ingest.exitValue(), run + " failed:\n" + stderr(run));
    return Files.readString(dir.resolve(run + ".out"));
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls (a real process is being raced, so short sleeps) until the condition holds. */
  private void awaitWhileRunning(String run, Process ingest, Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    while (!condition.holds()) {
      if (!ingest.isAlive()) {
        fail(run + " ended (exit " + ingest.exitValue() + ") before " + what + ", so it could not be killed "
            + "there; the database holds " + committedArticles() + " articles\n" + stderr(run));
      }
      if (System.nanoTime() > deadline) {
        fail(run + ": no " + what + " after " + RUN_LIMIT + "\n" + stderr(run));
      }
      Thread.sleep(5);
    }
  }

  /** SIGKILL: no shutdown hook, no rollback, no checkpoint, no closing of the database. */
  private static void kill(String run, Process ingest) throws InterruptedException {
    ingest.destroyForcibly();
    assertTrue(ingest.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS), run + " survived SIGKILL");
    assertEquals(KILLED_BY_SIGKILL, ingest.exitValue(), run + " did not die of SIGKILL");
  }

  /** Articles committed so far, read as another process would; 0 while the database is being created. */
  private long committedArticles() {
    return readCommitted("SELECT count(*) FROM article");
  }

  private long schemaVersion() {
    return readCommitted("PRAGMA user_version");
  }

  /** A number read through a read-only connection; 0 while the file or its schema does not exist yet. */
  private long readCommitted(String sql) {
    if (!Files.exists(db)) {
      return 0;
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(1_000);
    try (Connection c = config.createConnection("jdbc:sqlite:" + db);
         Statement s = c.createStatement();
         ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      return 0; // no schema yet, or the file is still being created
    }
  }

  private String stderr(String run) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(run + ".err"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }

  /** A file as the database knows it: the hash of its bytes, and its article or why none. */
  private record FileRow(String contentHash, Optional<Long> articleId, Optional<String> rejected) {}

  /** What a database holds: files by path, article content hashes by id. */
  private record Stored(Map<String, FileRow> files, Map<Long, String> articles) {
    static final Stored NONE = new Stored(Map.of(), Map.of());

    Set<String> rejectedPaths() {
      Set<String> paths = new HashSet<>();
      files.forEach((path, row) -> row.rejected().ifPresent(reason -> paths.add(path)));
      return paths;
    }
  }

  /**
   * Reads the database from a copy of its files (the WAL included), so that the next run finds
   * them exactly as the killed process left them, and checks that it is consistent, keeps all
   * that {@code before} held and at least the {@code committed} articles seen before the kill.
   */
  private Stored checkedSnapshot(String run, Inputs inputs, Stored before, long committed) throws Exception {
    Path copy = Files.createDirectories(dir.resolve("snapshots/" + run)).resolve("warta.db");
    Files.copy(db, copy);
    Path wal = db.resolveSibling(db.getFileName() + "-wal");
    if (Files.exists(wal)) {
      Files.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
    }
    Stored stored;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
      assertEquals(List.of("ok"), column(c, "PRAGMA integrity_check"), run);
      if (column(c, "PRAGMA user_version").equals(List.of("0"))) {
        stored = Stored.NONE; // no schema committed yet
      } else {
        assertConsistent(c, run, inputs);
        stored = read(c);
      }
    }
    assertThat(stored.files()).as(run + ": files recorded before").containsAllEntriesOf(before.files());
    assertThat(stored.articles()).as(run + ": articles stored before").containsAllEntriesOf(before.articles());
    assertThat((long) stored.articles().size()).as(run + ": articles seen committed").isGreaterThanOrEqualTo(committed);
    return stored;
  }

  private static void assertConsistent(Connection c, String run, Inputs inputs) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO article_text (article_text) VALUES ('integrity-check')"); // throws when not
    }
    assertEquals(List.of(), column(c, "PRAGMA foreign_key_check"), run + ": foreign keys");
    assertEquals(List.of(), column(c, "SELECT path FROM stored_file WHERE (article_id IS NULL) = (rejected IS NULL)"),
        run + ": file rows with neither or both an article and a reason");
    assertEquals(List.of(), column(c, "SELECT f.path FROM stored_file f JOIN article a ON a.id = f.article_id "
        + "WHERE a.content_hash <> f.content_hash"), run + ": files pointing to an article of other bytes");
    assertEquals(List.of(), column(c, "SELECT id FROM article a "
        + "WHERE NOT EXISTS (SELECT 1 FROM stored_file f WHERE f.article_id = a.id)"),
        run + ": articles stored without their file record");
    assertEquals(List.of(), column(c, "SELECT id FROM story s WHERE articles <> "
        + "(SELECT count(*) FROM article a WHERE a.story_id = s.id) OR articles = 0 OR NOT EXISTS "
        + "(SELECT 1 FROM article a WHERE a.id = s.best_article_id AND a.story_id = s.id)"),
        run + ": stories whose count or best entry disagree with their articles");
    assertEquals(List.of(), column(c, "SELECT st.story_id FROM story_topic st JOIN story s ON s.id = st.story_id "
        + "WHERE st.news_at <> s.news_at"), run + ": story topics out of step with their story");
    Map<String, String> hashes = new TreeMap<>();
    try (Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT path, content_hash FROM stored_file")) {
      while (rows.next()) {
        hashes.put(rows.getString(1), rows.getString(2));
      }
    }
    Map<String, String> expected = new TreeMap<>(inputs.hashByPath());
    expected.keySet().retainAll(hashes.keySet());
    assertEquals(expected, hashes, run + ": recorded files and their hashes");
  }

  private static Stored read(Connection c) throws SQLException {
    Map<String, FileRow> files = new HashMap<>();
    Map<Long, String> articles = new HashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rows = s.executeQuery("SELECT path, content_hash, article_id, rejected FROM stored_file")) {
        while (rows.next()) {
          long article = rows.getLong(3);
          Optional<Long> articleId = rows.wasNull() ? Optional.empty() : Optional.of(article);
          files.put(rows.getString(1), new FileRow(rows.getString(2), articleId, Optional.ofNullable(rows.getString(4))));
        }
      }
      try (ResultSet rows = s.executeQuery("SELECT id, content_hash FROM article")) {
        while (rows.next()) {
          articles.put(rows.getLong(1), rows.getString(2));
        }
      }
    }
    return new Stored(files, articles);
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /**
   * The stored articles the runs ingest, written by the test: distinct small news articles, half
   * plain text and half HTML, every tenth retelling the one before (so stories get several
   * articles); identical copies, some beside their original and some in another folder; and
   * empty, blank and binary files that hold no article.
   *
   * @param hashByPath every file's SHA-256 by absolute path
   * @param articleHashes the SHA-256 of every file that holds an article
   * @param rejectedPaths the files that hold no article
   */
  private record Inputs(Map<String, String> hashByPath, Set<String> articleHashes, Set<String> rejectedPaths) {

    private static final List<String> COUNTRIES = List.of("Kenya", "Brazil", "Japan", "Germany", "Indonesia",
        "Canada", "Egypt", "Peru", "Norway", "Vietnam", "Chile", "Nigeria");
    private static final List<String> SOURCES = List.of("Reuters", "AP", "AFP", "Antara");
    private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    static Inputs write(Path folder, int count) throws IOException {
      Random random = new Random(42);
      Map<String, String> hashes = new HashMap<>();
      Set<String> articleHashes = new HashSet<>();
      Set<String> rejected = new HashSet<>();
      List<String> headline = List.of();
      List<String> lead = List.of();
      for (int i = 0; i < count; i++) {
        String country = COUNTRIES.get(i % COUNTRIES.size());
        if (i % 10 == 9) { // retells the previous article: its words reordered, one more
          headline = shuffled(headline, random);
          lead = new ArrayList<>(shuffled(lead, random));
          lead.add(word(random));
        } else {
          headline = words(random, 5);
          lead = words(random, 10);
        }
        LocalDate published = LocalDate.of(2024, 1, 1).plusDays(i / 12);
        String source = SOURCES.get(i % SOURCES.size());
        String id = String.format(Locale.ROOT, "%05d", i);
        Path file = folder.resolve("feed-" + i % 4).resolve(published.toString().substring(0, 7));
        String text = i % 2 == 0
            ? plainText(country, headline, lead, words(random, 30), published, source)
            : html(country, headline, lead, words(random, 30), published, source, id);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String name = id + (i % 2 == 0 ? ".txt" : ".html");
        record(hashes, write(file.resolve(name), bytes), bytes);
        articleHashes.add(ArticleFolderScanner.sha256(bytes));
        if (i % 40 == 5) {
          record(hashes, write(file.resolve(id + "-saved-again" + (i % 2 == 0 ? ".txt" : ".html")), bytes), bytes);
        }
        if (i % 40 == 25) {
          record(hashes, write(folder.resolve("resaved").resolve(name), bytes), bytes);
        }
        if (i % 60 == 30) {
          byte[] bad = switch (i / 60 % 3) {
            case 0 -> new byte[0];
            case 1 -> " \n\t\n".getBytes(StandardCharsets.US_ASCII);
            default -> binary(random);
          };
          Path badFile = write(file.resolve("broken-" + id + ".html"), bad);
          record(hashes, badFile, bad);
          rejected.add(key(badFile));
        }
      }
      return new Inputs(hashes, articleHashes, rejected);
    }

    private static String plainText(String country, List<String> headline, List<String> lead, List<String> body,
                                    LocalDate published, String source) {
      return published.format(TEXT_DATE).toUpperCase(Locale.ENGLISH) + "\nWorld\n\n"
          + country + " " + capitalized(String.join(" ", headline)) + " in the " + headline.get(0) + " talks\n\n"
          + "CITY (" + source + ") - " + capitalized(sentence(country, lead)) + "\n\n"
          + capitalized(String.join(" ", body.subList(0, 15))) + ", the officials said on Friday.\n\n"
          + capitalized(String.join(" ", body.subList(15, 30))) + ". The talks continue next week.\n";
    }

    private static String html(String country, List<String> headline, List<String> lead, List<String> body,
                               LocalDate published, String source, String id) {
      String title = country + " " + capitalized(String.join(" ", headline)) + " in the " + headline.get(0) + " talks";
      return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          + "<title>" + title + " | " + source + "</title>\n"
          + "<meta property=\"og:site_name\" content=\"" + source + "\">\n"
          + "<meta property=\"article:published_time\" content=\"" + published + "T08:30:00Z\">\n"
          + "<link rel=\"canonical\" href=\"https://news.example/" + source.toLowerCase(Locale.ROOT) + "/" + id + "\">\n"
          + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
          + "<article><h1>" + title + "</h1>\n"
          + "<p>" + capitalized(sentence(country, lead)) + "</p>\n"
          + "<p>" + capitalized(String.join(" ", body.subList(0, 15))) + ", the officials said on Friday.</p>\n"
          + "<p>" + capitalized(String.join(" ", body.subList(15, 30))) + ". The talks continue next week.</p>\n"
          + "</article><footer>&copy; 2024 " + source + "</footer></body></html>\n";
    }

    /** A lead of invented words with function words between them, so that it reads as English. */
    private static String sentence(String country, List<String> words) {
      return "The " + words.get(0) + " of " + country + " and the " + String.join(" ", words.subList(1, 4))
          + " said on Tuesday that the " + String.join(" ", words.subList(4, words.size())) + " would go ahead.";
    }

    /** Invented words: each article's own, so that only its country and its retelling share words. */
    private static List<String> words(Random random, int count) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        words.add(word(random));
      }
      return words;
    }

    private static String word(Random random) {
      String consonants = "bdfgklmnprstvz";
      String vowels = "aeiou";
      StringBuilder word = new StringBuilder();
      for (int syllable = 2 + random.nextInt(3); syllable > 0; syllable--) {
        word.append(consonants.charAt(random.nextInt(consonants.length())))
            .append(vowels.charAt(random.nextInt(vowels.length())));
      }
      return word.toString();
    }

    private static List<String> shuffled(List<String> words, Random random) {
      List<String> copy = new ArrayList<>(words);
      Collections.shuffle(copy, random);
      return copy;
    }

    private static String capitalized(String text) {
      return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] binary(Random random) {
      byte[] bytes = new byte[512];
      random.nextBytes(bytes);
      bytes[7] = 0;
      return bytes;
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    }

    private static void record(Map<String, String> hashes, Path file, byte[] bytes) {
      hashes.put(key(file), ArticleFolderScanner.sha256(bytes));
    }

    /** A file as ingestion names it: its normalised absolute path. */
    private static String key(Path file) {
      return file.toAbsolutePath().normalize().toString();
    }
  }
}
