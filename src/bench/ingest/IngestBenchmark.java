import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import warta.article.Article;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.article.LanguageGuesser;
import warta.article.ParseOutcome;
import warta.article.Published;
import warta.storage.Database;
import warta.topic.Topic;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * Warta's ingestion and query benchmark (see README.md beside this file): 10,000 stored pages
 * ingested through the CLI in steps, re-runs over the unchanged folder, then latest and search
 * latency in-process over 10,000 and 100,000 stored articles, all on the schema as shipped. A
 * benchmark, not a test: it prints numbers and never fails on one.
 *
 * <p>Run by {@code src/bench/ingest-benchmark.sh}; by hand: {@code java -cp target/warta.jar
 * src/bench/ingest/IngestBenchmark.java JAR CORPUS_DIR WORK_DIR [ingest,queries]}.
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: IngestBenchmark JAR CORPUS_DIR WORK_DIR [ingest,queries]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path corpus = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[2]).toAbsolutePath();
    Set<String> parts = Set.of((args.length > 3 ? args[3] : "ingest,queries").split(","));
    int files = Integer.getInteger("bench.files", 10_000);
    int stored = Integer.getInteger("bench.stored", 100_000);
    int queries = Integer.getInteger("bench.queries", 1_000);

    List<Page> pages = Page.readAll(corpus);
    System.out.printf(Locale.ROOT, "corpus: %s: %d pages, %.1f MB%n%n", corpus, pages.size(),
        pages.stream().mapToLong(p -> p.bytes().length).sum() / 1e6);
    if (parts.contains("ingest")) {
      new IngestPart(jar, pages, work.resolve("ingest"), files).run();
    }
    if (parts.contains("queries")) {
      new QueryPart(jar, pages, work.resolve("queries"), stored, queries).run();
    }
  }

  /** One stored page of the corpus. */
  record Page(String id, Path file, byte[] bytes) {

    static List<Page> readAll(Path corpus) throws IOException {
      List<Page> pages = new ArrayList<>();
      try (Stream<Path> files = Files.list(corpus)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList()) {
          String name = file.getFileName().toString();
          pages.add(new Page(name.substring(0, name.length() - 5), file, Files.readAllBytes(file)));
        }
      }
      if (pages.isEmpty()) {
        throw new IllegalArgumentException(corpus + " holds no *.html pages");
      }
      return pages;
    }

    private static final Pattern HEAD = Pattern.compile("(?i)<head(?:\\s[^>]*)?>");

    /**
     * This page with a JSON-LD block right after {@code <head>} that dates it {@code published}:
     * distinct bytes, and a date the parser trusts first, so that variants of one page are
     * spread in time instead of all retelling one story. The page's bytes are kept as they are
     * (edited as ISO-8859-1, which maps bytes to chars one to one).
     */
    byte[] datedVariant(Instant published) {
      String page = new String(bytes, ISO_8859_1);
      Matcher head = HEAD.matcher(page);
      int at = head.find() ? head.end() : 0;
      String jsonLd = "\n<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
          + "\"@type\":\"NewsArticle\",\"datePublished\":\"" + published + "\"}</script>\n";
      return (page.substring(0, at) + jsonLd + page.substring(at)).getBytes(ISO_8859_1);
    }
  }

  // ------------------------------------------------------------------------------------------
  // a. Ingest through the CLI

  /** Ingest of stored pages through {@code java -jar warta.jar ingest}, whole process, in steps. */
  static final class IngestPart {
    /** Ingestion order is file-name order; news times rise with it, 10,000 files over two years. */
    private static final Instant FIRST_NEWS = Instant.parse("2023-01-01T00:00:00Z");
    private static final Duration NEWS_SPAN = Duration.ofDays(730);

    private final Path jar;
    private final List<Page> pages;
    private final Path work;
    private final int files;
    private final int[] steps;

    IngestPart(Path jar, List<Page> pages, Path work, int files) {
      this.jar = jar;
      this.pages = pages;
      this.work = work;
      this.files = files;
      this.steps = new int[] {files / 5, files / 2, files}; // 2,000 + 3,000 + 5,000 for 10,000
    }

    /** The runs of one ingestion: the steps, then over the unchanged and the touched folder. */
    record Outcome(List<Cli.Run> steps, Cli.Run unchanged, Cli.Run touched, List<long[]> sizes, long articles,
                   String schema) {}

    void run() throws Exception {
      Path generated = Files.createDirectories(work.resolve("pages"));
      long started = System.nanoTime();
      long bytes = 0;
      for (int n = 0; n < files; n++) {
        Page page = pages.get(n % pages.size());
        Instant published = FIRST_NEWS.plus(NEWS_SPAN.multipliedBy(n).dividedBy(files)).truncatedTo(ChronoUnit.SECONDS);
        byte[] variant = page.datedVariant(published);
        Files.write(generated.resolve(name(n)), variant);
        bytes += variant.length;
      }
      System.out.printf(Locale.ROOT, "== a. Ingest of %,d stored pages through the CLI%n", files);
      System.out.printf(Locale.ROOT, "generated %,d files (%.0f MB) in %s: corpus page n %% %d, each with a "
              + "JSON-LD date; news times rise with the file order, %s to %s%n", files, bytes / 1e6,
          seconds(System.nanoTime() - started), pages.size(), FIRST_NEWS.toString().substring(0, 10),
          FIRST_NEWS.plus(NEWS_SPAN).toString().substring(0, 10));
      System.out.println("each run: java -jar " + jar.getFileName() + " ingest --dir DIR, timed from start to exit"
          + " (JVM start included); articles counted every 100 ms through a read-only connection");
      System.out.println();

      report(ingestInSteps());
    }

    private static String name(int n) {
      return String.format(Locale.ROOT, "%06d.html", n);
    }

    private Path db() {
      return work.resolve("warta.db");
    }

    private Path folder() {
      return work.resolve("articles");
    }

    private Cli.Run ingest(String name) throws Exception {
      return Cli.run(jar, db(), work.resolve("logs"), name, "ingest", "--dir", folder().toString());
    }

    /**
     * Ingests the steps into one database, as the scheduled job would; then one run over the
     * unchanged folder and one after every file was touched.
     */
    private Outcome ingestInSteps() throws Exception {
      Files.createDirectories(folder());
      List<Cli.Run> runs = new ArrayList<>();
      List<long[]> sizes = new ArrayList<>();
      int linked = 0;
      for (int target : steps) {
        for (; linked < target; linked++) { // hard links: the bytes and time of the generated file
          Files.createLink(folder().resolve(name(linked)), work.resolve("pages").resolve(name(linked)));
        }
        Cli.Run run = ingest("step-" + target);
        runs.add(run);
        sizes.add(new long[] {size(db()), run.peakWal()});
      }
      Cli.Run unchanged = ingest("unchanged");
      FileTime later = FileTime.from(Instant.now().plusSeconds(60));
      try (Stream<Path> all = Files.list(work.resolve("pages"))) { // the ingested folder links to these files
        for (Path file : all.toList()) {
          Files.setLastModifiedTime(file, later);
        }
      }
      Cli.Run touched = ingest("touched");
      return new Outcome(runs, unchanged, touched, sizes, Cli.count(db(), "SELECT count(*) FROM article"),
          schema(db()));
    }

    private void report(Outcome o) {
      System.out.println("schema: as shipped, " + o.schema());
      System.out.println();
      System.out.println("-- Ingest in steps (new files only in each step; the folder keeps the earlier ones)");
      System.out.printf(Locale.ROOT, "%-14s %9s %9s %9s %10s %12s %10s%n", "step", "new", "wall s", "art/s",
          "report s", "db MB", "peak wal");
      int from = 0;
      for (int i = 0; i < o.steps().size(); i++) {
        Cli.Run r = o.steps().get(i);
        System.out.printf(Locale.ROOT, "%-14s %9s %9.1f %9.0f %10s %12.1f %10.1f%n",
            String.format(Locale.ROOT, "%,d-%,d", from, steps[i]), r.field("new"), r.wall(),
            r.number("new") / r.wall(), r.reportSeconds(), o.sizes().get(i)[0] / 1e6, o.sizes().get(i)[1] / 1e6);
        from = steps[i];
      }
      System.out.println("  new: the run's own count of new files stored (identical copies included; rejected pages are not new)");
      System.out.println("  art/s: new / wall s; report s: the run's own time, without JVM start and exit");
      System.out.println("  db MB: warta.db after the run (the WAL is merged and removed when the process closes the database);");
      System.out.println("  peak wal: the largest warta.db-wal seen during the run, MB");
      System.out.println();

      System.out.println("-- Seconds per 1,000 articles stored, by how many were stored before (the first 1,000 of each");
      System.out.println("   step includes JVM start and the walk of the folder)");
      System.out.printf(Locale.ROOT, "%-16s %12s %12s%n", "stored before", "seconds", "articles/s");
      Map<Long, Double> perThousand = perThousand(o);
      perThousand.forEach((k, s) -> System.out.printf(Locale.ROOT, "%,16d %12.2f %12.0f%n", k - 1000, s, 1000 / s));
      Double second = perThousand.get(2000L);
      Double last = perThousand.get((long) (files / 1000) * 1000);
      if (second != null && last != null) {
        System.out.printf(Locale.ROOT, "growth: the last 1,000 take %.1fx the time of the second 1,000%n", last / second);
      }
      System.out.println();

      System.out.println("-- Whole first ingest against re-runs over the same folder");
      System.out.printf(Locale.ROOT, "%12s %12s %10s %12s %10s %12s%n", "first s", "unchanged s", "ratio", "touched s",
          "ratio", "articles");
      double first = o.steps().stream().mapToDouble(Cli.Run::wall).sum();
      System.out.printf(Locale.ROOT, "%12.1f %12.2f %10.3f %12.2f %10.3f %,12d%n", first, o.unchanged().wall(),
          o.unchanged().wall() / first, o.touched().wall(), o.touched().wall() / first, o.articles());
      System.out.println("  first s: the three steps' wall seconds added; ratio: re-run / first");
      System.out.println("  unchanged: same size and time, nothing read; touched: every file's time changed, so every file");
      System.out.println("  is read and hashed again (same bytes: nothing parsed or stored but the new times)");
      System.out.println("  run lines:");
      for (Cli.Run r : o.steps()) {
        System.out.println("    " + r.name() + ": " + r.summary());
      }
      System.out.println("    unchanged: " + o.unchanged().summary());
      System.out.println("    touched: " + o.touched().summary());
      System.out.println();
    }

    /** Seconds taken by each 1,000 articles, keyed by the count reached, from the polled counts. */
    private static Map<Long, Double> perThousand(Outcome o) {
      Map<Long, Double> seconds = new TreeMap<>();
      for (Cli.Run r : o.steps()) {
        long startCount = r.samples().get(0)[1];
        double previous = 0;
        long next = (startCount / 1000 + 1) * 1000;
        for (long[] sample : r.samples()) { // {elapsed ns, articles}
          while (sample[1] >= next) {
            double at = sample[0] / 1e9;
            seconds.put(next, at - previous);
            previous = at;
            next += 1000;
          }
        }
      }
      return seconds;
    }
  }

  // ------------------------------------------------------------------------------------------
  // b. latest and search over many stored articles

  /** latest and search latency in-process through ArticleStore, at 10,000 and at {@code stored} articles. */
  static final class QueryPart {
    private static final Instant FIRST_NEWS = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration NEWS_SPAN = Duration.ofDays(365);
    private static final int LIMIT = 10;
    private static final int WARM_UP = 100;
    private static final int BATCH = 1_000;
    /** A slow query stops after this long (and at least MIN_RUNS runs): the report shows its run count. */
    private static final Duration QUERY_BUDGET = Duration.ofSeconds(Long.getLong("bench.query-seconds", 60));
    private static final int MIN_RUNS = 100;
    /** How many of the newest articles ArticleStore.search ranks first (its RECENT_ARTICLES). */
    private static final long SEARCH_WINDOW = 20_000;

    private final Path jar;
    private final List<Page> pages;
    private final Path work;
    private final int stored;
    private final int queries;
    private final TopicCatalog catalog = TopicCatalog.standard();

    QueryPart(Path jar, List<Page> pages, Path work, int stored, int queries) {
      this.jar = jar;
      this.pages = pages;
      this.work = work;
      this.stored = stored;
      this.queries = queries;
    }

    /**
     * One timed query.
     *
     * @param name {@code latest}, {@code latest CODE} or {@code search WORD}
     * @param countSql counts the stories or articles it could return, {@code countArg} its one parameter or null
     */
    record Query(String name, String what, String countSql, String countArg) {}

    /**
     * A query's latencies in ms at one size of the store.
     *
     * @param matching stories (latest) or articles (search) it could return
     * @param newestId the highest article id: search ranks ids above {@code newestId - SEARCH_WINDOW} first
     * @param matchingInWindow of the matching articles, how many have such an id (search only; 0 for latest)
     */
    record Timing(String query, int stage, int runs, double p50, double p99, double max, int returned,
                  long matching, long newestId, long matchingInWindow) {}

    void run() throws Exception {
      System.out.printf(Locale.ROOT, "== b. latest and search over %,d stored articles%n", stored);
      long started = System.nanoTime();
      ArticleParsers parsers = new ArticleParsers(new TopicTagger(catalog));
      List<Article> articles = pages.parallelStream().map(p -> parsers.parse(p.file(), p.bytes()))
          .filter(o -> o instanceof ParseOutcome.Parsed).map(o -> ((ParseOutcome.Parsed) o).article()).toList();
      System.out.printf(Locale.ROOT, "parsed %d of %d corpus pages in %s; stored articles are copies of them with "
              + "their own content hash and a news time spread over %s to %s, each its own story, stored with "
              + "ArticleStore.insert in transactions of %,d%n", articles.size(), pages.size(),
          seconds(System.nanoTime() - started), FIRST_NEWS.toString().substring(0, 10),
          FIRST_NEWS.plus(NEWS_SPAN).toString().substring(0, 10), BATCH);

      List<Query> plan = plan(articles);
      Path dbFile = Files.createDirectories(work).resolve("warta.db");
      List<Timing> timings = new ArrayList<>();
      Map<Integer, long[]> sizes = new LinkedHashMap<>();
      Map<Integer, Map<String, Double>> cli = new LinkedHashMap<>();
      int done = 0;
      for (int stage : new int[] {Math.min(10_000, stored), stored}) {
        if (stage <= done) {
          continue;
        }
        long open;
        long wal;
        try (Database db = Database.open(dbFile)) {
          ArticleStore store = new ArticleStore(db, catalog);
          long buildStarted = System.nanoTime();
          int from = done;
          done = build(db, store, articles, from, stage);
          System.out.printf(Locale.ROOT, "stored articles %,d to %,d in %s%n", from + 1, stage,
              seconds(System.nanoTime() - buildStarted));
          open = size(dbFile);
          wal = size(Path.of(dbFile + "-wal"));
          timings.addAll(measure(db, plan, stage));
        }
        sizes.put(stage, new long[] {open, wal, size(dbFile)});
        cli.put(stage, cliTimes(dbFile, plan));
      }
      System.out.println("schema: as shipped, " + schema(dbFile));
      System.out.println();
      report(plan, timings, sizes, cli);
    }

    /** The queries: latest overall, on a common, a middling and a rare topic; search a common and a rare word. */
    private List<Query> plan(List<Article> articles) {
      Map<Topic, Integer> pagesByTopic = new HashMap<>();
      for (Article a : articles) {
        a.topics().forEach(t -> pagesByTopic.merge(t, 1, Integer::sum));
      }
      List<Map.Entry<Topic, Integer>> ranked = pagesByTopic.entrySet().stream()
          .sorted(Map.Entry.<Topic, Integer>comparingByValue().reversed()
              .thenComparing(e -> e.getKey().code()))
          .toList();
      Topic common = ranked.get(0).getKey();
      Topic middling = ranked.get(ranked.size() / 2).getKey();
      Topic rare = ranked.get(ranked.size() - 1).getKey();
      Optional<Topic> commonCountry = ranked.stream().map(Map.Entry::getKey)
          .filter(t -> t.kind() == Topic.Kind.COUNTRY).findFirst();

      LanguageGuesser language = new LanguageGuesser();
      Map<String, Integer> pagesByWord = new HashMap<>();
      for (Article a : articles) {
        Set<String> words = new HashSet<>();
        String text = (a.headline() + " " + a.lead() + " " + String.join(" ", a.body())).toLowerCase(Locale.ROOT);
        for (String w : text.split("[^a-z]+")) {
          if (w.length() >= 4 && !language.isFunctionWord(w)) {
            words.add(w);
          }
        }
        words.forEach(w -> pagesByWord.merge(w, 1, Integer::sum));
      }
      String commonWord = pagesByWord.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow().getKey();
      List<String> once = pagesByWord.entrySet().stream().filter(e -> e.getValue() == 1 && e.getKey().length() >= 8)
          .map(Map.Entry::getKey).sorted().toList();
      String rareWord = once.get(once.size() / 2);

      System.out.printf(Locale.ROOT, "topics by corpus pages tagged: %s %d, %s %d (median of %d topics), %s %d%s%n",
          common.code(), pagesByTopic.get(common), middling.code(), pagesByTopic.get(middling), ranked.size(),
          rare.code(), pagesByTopic.get(rare), commonCountry.filter(t -> !t.equals(common))
              .map(t -> ", most common country " + t.code() + " " + pagesByTopic.get(t)).orElse(""));
      System.out.printf(Locale.ROOT, "words by corpus pages holding them: \"%s\" %d (the most common word of 4+ letters "
          + "that is not a function word), \"%s\" %d%n%n", commonWord, pagesByWord.get(commonWord), rareWord,
          pagesByWord.get(rareWord));

      String topicCount = "SELECT count(*) FROM story_topic WHERE topic = ?";
      String wordCount = "SELECT count(*) FROM article_text WHERE article_text MATCH ?";
      List<Query> plan = new ArrayList<>();
      plan.add(new Query("latest", "latest, any topic", "SELECT count(*) FROM story", null));
      List<Topic> topics = new ArrayList<>(List.of(common));
      commonCountry.filter(t -> !t.equals(common)).ifPresent(topics::add);
      topics.add(middling);
      topics.add(rare);
      String[] labels = {"common", "common country", "middling", "rare"};
      for (int i = 0; i < topics.size(); i++) {
        Topic t = topics.get(i);
        String label = topics.size() == 4 ? labels[i] : List.of("common", "middling", "rare").get(i);
        plan.add(new Query("latest " + t.code(), "latest, " + label + " topic " + t.code(), topicCount, t.code()));
      }
      plan.add(new Query("search " + commonWord, "search, common word \"" + commonWord + "\"", wordCount,
          "\"" + commonWord + "\""));
      plan.add(new Query("search " + rareWord, "search, rare word \"" + rareWord + "\"", wordCount,
          "\"" + rareWord + "\""));
      return plan;
    }

    private int build(Database db, ArticleStore store, List<Article> articles, int from, int to) {
      for (int start = from; start < to; start += BATCH) {
        int end = Math.min(to, start + BATCH);
        int first = start;
        db.write(c -> {
          for (int n = first; n < end; n++) {
            Article a = articles.get(n % articles.size());
            Instant news = FIRST_NEWS.plus(NEWS_SPAN.multipliedBy(n).dividedBy(stored)).truncatedTo(ChronoUnit.SECONDS);
            Article copy = new Article(a.id() + "-" + n, Path.of("bench", n + "-" + a.file().getFileName()),
                a.headline(), Optional.of(Published.at(news.atOffset(ZoneOffset.UTC))), a.lead(), a.source(),
                a.url(), a.language(), a.section(), a.topics(), a.body());
            store.insert(c, copy, sha256(n + "/" + a.id()), news.plusSeconds(600), Optional.empty());
          }
          return null;
        });
      }
      return to;
    }

    private List<Timing> measure(Database db, List<Query> plan, int stage) {
      ArticleStore store = new ArticleStore(db, catalog);
      List<Timing> timings = new ArrayList<>();
      for (Query q : plan) {
        Supplier<Integer> run = runner(store, q);
        for (int i = 0; i < WARM_UP; i++) {
          run.get();
        }
        long[] nanos = new long[queries];
        int returned = 0;
        int runs = 0;
        long budgetEnds = System.nanoTime() + QUERY_BUDGET.toNanos();
        while (runs < queries && (runs < MIN_RUNS || System.nanoTime() < budgetEnds)) {
          long t = System.nanoTime();
          returned = run.get();
          nanos[runs++] = System.nanoTime() - t;
        }
        nanos = Arrays.copyOf(nanos, runs);
        Arrays.sort(nanos);
        long matching = count(db, q.countSql(), q.countArg());
        long newestId = count(db, "SELECT coalesce(max(id), 0) FROM article", null);
        long inWindow = q.name().startsWith("search") ? count(db, q.countSql() + " AND rowid > "
            + (newestId - SEARCH_WINDOW), q.countArg()) : 0;
        timings.add(new Timing(q.name(), stage, runs, nanos[runs / 2] / 1e6,
            nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, nanos[runs - 1] / 1e6, returned, matching, newestId,
            inWindow));
      }
      return timings;
    }

    private static long count(Database db, String sql, String arg) {
      return db.read(c -> {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          if (arg != null) {
            s.setString(1, arg);
          }
          try (ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        }
      });
    }

    private Supplier<Integer> runner(ArticleStore store, Query q) {
      String[] parts = q.name().split(" ", 2);
      if (parts[0].equals("search")) {
        return () -> store.search(parts[1], LIMIT).size();
      }
      Optional<Topic> topic = parts.length > 1 ? catalog.find(parts[1]) : Optional.empty();
      if (parts.length > 1 && topic.isEmpty()) {
        throw new IllegalStateException("topic " + parts[1] + " not in the catalog");
      }
      return () -> store.latest(topic, LIMIT).size();
    }

    /** Whole-process time of one CLI query (median of three), for the first latest-on-a-topic and search. */
    private Map<String, Double> cliTimes(Path db, List<Query> plan) throws Exception {
      Map<String, Double> times = new LinkedHashMap<>();
      for (Query q : List.of(plan.get(1), plan.get(plan.size() - 2))) {
        String[] parts = q.name().split(" ", 2);
        List<String> args = parts[0].equals("search") ? List.of("search", parts[1])
            : List.of("latest", "--topic", parts[1]);
        double[] walls = new double[3];
        for (int i = 0; i < walls.length; i++) {
          walls[i] = Cli.run(jar, db, work.resolve("logs"), q.name().replace(' ', '-') + "-" + i,
              args.toArray(String[]::new)).wall();
        }
        Arrays.sort(walls);
        times.put("java -jar warta.jar " + String.join(" ", args), walls[1]);
      }
      return times;
    }

    private void report(List<Query> plan, List<Timing> timings, Map<Integer, long[]> sizes,
                        Map<Integer, Map<String, Double>> cli) {
      List<Integer> stages = new ArrayList<>(sizes.keySet());
      System.out.printf(Locale.ROOT, "-- Latency in-process through ArticleStore (limit %d), ms over %,d runs after %d "
          + "warm-up runs (fewer, shown as runs=N, when a query takes over %d s in all)%n", LIMIT, queries, WARM_UP,
          QUERY_BUDGET.toSeconds());
      System.out.printf(Locale.ROOT, "  %-38s", "query");
      for (int stage : stages) {
        System.out.printf(Locale.ROOT, " | %-9s %7s %7s %7s", String.format(Locale.ROOT, "%,dk", stage / 1000),
            "p50", "p99", "max");
      }
      System.out.printf(Locale.ROOT, " | %s%n", stages.size() > 1 ? "p50 ratio" : "");
      for (Query q : plan) {
        System.out.printf(Locale.ROOT, "  %-38s", q.what());
        for (int stage : stages) {
          Timing t = find(timings, q.name(), stage);
          System.out.printf(Locale.ROOT, " | %-9s %7.2f %7.2f %7.2f", t.matching() + "/" + t.returned(), t.p50(),
              t.p99(), t.max());
        }
        Timing first = find(timings, q.name(), stages.get(0));
        Timing last = find(timings, q.name(), stages.get(stages.size() - 1));
        String fewer = stages.stream().map(stage -> find(timings, q.name(), stage))
            .filter(t -> t.runs() < queries).map(t -> String.format(Locale.ROOT, " runs=%d at %,d", t.runs(), t.stage()))
            .reduce("", String::concat);
        System.out.printf(Locale.ROOT, " | %s%s%n", stages.size() > 1
            ? String.format(Locale.ROOT, "%.1fx", last.p50() / first.p50()) : "", fewer);
      }
      System.out.println("  the column under each size: matching stories (latest) or articles (search) / entries returned;");
      System.out.printf(Locale.ROOT, "  p50 ratio: p50 at %,d over p50 at %,d stored%n", stages.get(stages.size() - 1),
          stages.get(0));
      System.out.println();

      System.out.printf(Locale.ROOT, "-- Which articles search ranked: the matches among the newest %,d (the window), "
          + "and all only when those give fewer than %d stories (ArticleStore.search)%n", SEARCH_WINDOW, LIMIT);
      for (int stage : stages) {
        for (Query q : plan.subList(plan.size() - 2, plan.size())) {
          Timing t = find(timings, q.name(), stage);
          String ranked = t.newestId() <= SEARCH_WINDOW ? "the whole store is in the window: one pass"
              : t.matchingInWindow() >= LIMIT ? "one pass, over the window only"
              : "fewer than " + LIMIT + " in the window: a second pass over all";
          System.out.printf(Locale.ROOT, "at %,7d: %-34s %,7d matching articles, %,7d in the window: %s%n",
              stage, q.what(), t.matching(), t.matchingInWindow(), ranked);
        }
      }
      System.out.println();

      int last = stages.get(stages.size() - 1);
      System.out.printf(Locale.ROOT, "-- Against a baseline in the same run, at %,d stored%n", last);
      Timing common = find(timings, plan.get(1).name(), last);
      Timing rare = find(timings, plan.get(plan.size() - 3).name(), last);
      Timing commonWord = find(timings, plan.get(plan.size() - 2).name(), last);
      Timing rareWord = find(timings, plan.get(plan.size() - 1).name(), last);
      System.out.printf(Locale.ROOT, "latest on the rare topic / on the common topic, p50: %.2f%n",
          rare.p50() / common.p50());
      System.out.printf(Locale.ROOT, "search rare word / common word, p50: %.2f%n", rareWord.p50() / commonWord.p50());
      System.out.println();

      System.out.println("-- Goal: latest p99 <= 20 ms (informational)");
      for (int stage : stages) {
        double worst = plan.stream().filter(q -> q.name().startsWith("latest"))
            .mapToDouble(q -> find(timings, q.name(), stage).p99()).max().orElse(0);
        System.out.printf(Locale.ROOT, "at %,7d: worst latest p99 %.2f ms: %s%n", stage, worst,
            worst <= 20 ? "met" : "NOT met");
      }
      System.out.println();

      System.out.println("-- Whole process, one query, median of 3 runs");
      cli.forEach((stage, times) -> times.forEach((command, wall) ->
          System.out.printf(Locale.ROOT, "at %,7d: %-50s %.2f s%n", stage, command, wall)));
      System.out.println();

      System.out.println("-- Database size");
      sizes.forEach((stage, s) -> System.out.printf(Locale.ROOT,
          "at %,7d stored: warta.db %.1f MB + warta.db-wal %.1f MB = %.1f MB while open; %.1f MB once closed "
              + "(%.1f KB per article)%n", stage, s[0] / 1e6, s[1] / 1e6, (s[0] + s[1]) / 1e6, s[2] / 1e6,
          s[2] / 1e3 / stage));
    }

    private static Timing find(List<Timing> timings, String query, int stage) {
      return timings.stream().filter(t -> t.query().equals(query) && t.stage() == stage).findFirst().orElseThrow();
    }
  }

  // ------------------------------------------------------------------------------------------

  /** Runs the CLI in its own process, as a user would, and watches its database from outside. */
  static final class Cli {

    /**
     * One finished run.
     *
     * @param samples {elapsed ns, articles committed} every 100 ms, the first at start
     */
    record Run(String name, double wall, int exit, String stdout, List<long[]> samples, long peakWal) {

      /** The run's first line of output, with its exit code when it failed. */
      String summary() {
        String first = stdout.lines().findFirst().orElse("(no output)");
        return exit == 0 ? first : "exit " + exit + ": " + first;
      }

      /** A count from the ingest summary line, such as {@code new} in "41 new"; "n/a" when absent. */
      String field(String name) {
        Matcher m = Pattern.compile("(\\d+) " + name + "\\b").matcher(stdout);
        return m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1))) : "n/a";
      }

      long number(String name) {
        Matcher m = Pattern.compile("(\\d+) " + name + "\\b").matcher(stdout);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
      }

      String reportSeconds() {
        Matcher m = Pattern.compile("in (\\d+) ms").matcher(stdout);
        return m.find() ? String.format(Locale.ROOT, "%.1f", Long.parseLong(m.group(1)) / 1000.0) : "n/a";
      }
    }

    static Run run(Path jar, Path db, Path logs, String name, String... args) throws Exception {
      Files.createDirectories(logs);
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Ddatabase.path=" + db, "-Dwarta.config=" + logs.resolve("no-such-settings.properties"), "-jar",
          jar.toString()));
      command.addAll(List.of(args));
      Path out = logs.resolve(name + ".out");
      List<long[]> samples = new ArrayList<>();
      long peakWal = 0;
      Path wal = Path.of(db + "-wal");
      long started = System.nanoTime();
      Process process = new ProcessBuilder(command).directory(logs.toFile())
          .redirectOutput(out.toFile()).redirectError(logs.resolve(name + ".err").toFile()).start();
      boolean counting = args[0].equals("ingest");
      samples.add(new long[] {0, counting ? count(db, "SELECT count(*) FROM article") : 0});
      while (process.isAlive()) {
        if (counting) {
          samples.add(new long[] {System.nanoTime() - started, count(db, "SELECT count(*) FROM article")});
          peakWal = Math.max(peakWal, size(wal));
        }
        process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      long wall = System.nanoTime() - started;
      if (counting) {
        samples.add(new long[] {wall, count(db, "SELECT count(*) FROM article")});
      }
      Run run = new Run(name, wall / 1e9, process.exitValue(), Files.readString(out), samples, peakWal);
      System.err.printf(Locale.ROOT, "ingest-benchmark: %-28s %7.2f s  %s%n", logs.getParent().getFileName() + "/" + name,
          run.wall(), run.summary());
      return run;
    }

    /** A number read through a read-only connection, as another process sees the database; 0 before it exists. */
    static long count(Path db, String sql) {
      if (!Files.exists(db)) {
        return 0;
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(2_000);
      try (Connection c = config.createConnection("jdbc:sqlite:" + db);
           Statement s = c.createStatement();
           ResultSet rows = s.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      } catch (SQLException e) {
        return 0; // no schema yet
      }
    }
  }

  /** The schema version and the indexes on story_topic, read from the closed database: what was measured. */
  static String schema(Path db) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + db);
         Statement s = c.createStatement()) {
      long version;
      try (ResultSet rows = s.executeQuery("PRAGMA user_version")) {
        rows.next();
        version = rows.getLong(1);
      }
      List<String> indexes = new ArrayList<>();
      try (ResultSet rows = s.executeQuery(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'story_topic' ORDER BY name")) {
        while (rows.next()) {
          indexes.add(rows.getString(1));
        }
      }
      return "user_version " + version + "; indexes on story_topic: " + String.join(", ", indexes);
    } catch (SQLException e) {
      return "not readable: " + e.getMessage();
    }
  }

  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0; // removed while looking: the WAL of a closing database
    }
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
