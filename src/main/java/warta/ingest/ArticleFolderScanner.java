package warta.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.article.Article;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.article.LanguageGuesser;
import warta.article.ParseOutcome;
import warta.storage.Database;

/**
 * One ingestion of a folder of stored articles: walks it recursively, skips files whose size
 * and time (then content hash) are unchanged, parses the others on every core, and stores each
 * article in its story. Files are committed in small batches, so a crash loses at most the batch
 * in flight and the next run picks up the rest. A removed file keeps its article; a bad file is
 * logged and counted, never a reason to stop.
 */
public final class ArticleFolderScanner {

  private static final Logger log = LoggerFactory.getLogger(ArticleFolderScanner.class);
  private static final int BATCH = 100;

  private final Database db;
  private final ArticleParsers parsers;
  private final ArticleStore articles;
  private final FileIndex files;
  private final StoryMatcher stories;
  private final Clock clock;

  public ArticleFolderScanner(Database db, ArticleParsers parsers, ArticleStore articles, Duration storyWindow,
                              Clock clock) {
    this.db = db;
    this.parsers = parsers;
    this.articles = articles;
    this.files = new FileIndex(db);
    this.stories = new StoryMatcher(articles, new LanguageGuesser(), storyWindow);
    this.clock = clock;
  }

  /** A file read for ingestion: what the index should remember of it, and what it holds. */
  private record Examined(Path file, FileIndex.Entry entry, Kind kind, Optional<ParseOutcome> outcome) {}

  private enum Kind { UNCHANGED, NEW, CHANGED }

  /** Ingests every stored article under {@code folder}. */
  public IngestReport ingest(Path folder, IngestProgress progress) {
    long started = System.nanoTime();
    List<Path> found = ArticleFiles.under(folder);
    Map<String, FileIndex.Entry> known = files.all();
    Counts counts = new Counts();
    List<Examined> batch = new ArrayList<>();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ingest");
      t.setDaemon(true);
      return t;
    });
    try {
      ArrayDeque<Future<Examined>> pending = new ArrayDeque<>();
      int done = 0;
      for (Path file : found) {
        if (pending.size() >= threads * 8) {
          done = collect(pending.removeFirst().get(), batch, counts, done, found.size(), progress);
        }
        pending.addLast(pool.submit(() -> examine(file, known.get(key(file)))));
      }
      while (!pending.isEmpty()) {
        done = collect(pending.removeFirst().get(), batch, counts, done, found.size(), progress);
      }
      store(batch, counts);
      progress.filesDone(found.size(), found.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingestion of " + folder + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("ingestion of " + folder + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    IngestReport report = new IngestReport(found.size(), counts.added, counts.copies, counts.changed,
        counts.unchanged, counts.rejected, counts.joined, Duration.ofNanos(System.nanoTime() - started));
    log.info("{}", report);
    return report;
  }

  private static final class Counts {
    int added;
    int copies;
    int changed;
    int unchanged;
    int rejected;
    int joined;
  }

  /** Adds a file to the batch, storing the batch when it is full; returns the files done. */
  private int collect(Examined examined, List<Examined> batch, Counts counts, int done, int total,
                      IngestProgress progress) {
    batch.add(examined);
    if (batch.size() >= BATCH) {
      store(batch, counts);
    }
    progress.filesDone(done + 1, total);
    return done + 1;
  }

  /** Stores a batch in one transaction: its articles and their file records, or nothing. */
  private void store(List<Examined> batch, Counts counts) {
    if (batch.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Counts delta = db.write(c -> {
      Counts d = new Counts();
      for (Examined examined : batch) {
        storeOne(c, examined, now, d);
      }
      return d;
    });
    counts.added += delta.added;
    counts.copies += delta.copies;
    counts.changed += delta.changed;
    counts.unchanged += delta.unchanged;
    counts.rejected += delta.rejected;
    counts.joined += delta.joined;
    batch.clear();
  }

  private void storeOne(Connection c, Examined examined, Instant now, Counts counts) throws SQLException {
    FileIndex.Entry entry = examined.entry();
    if (examined.kind() == Kind.UNCHANGED) {
      counts.unchanged++;
      files.record(c, entry, now);
      return;
    }
    ParseOutcome outcome = examined.outcome().orElseThrow();
    if (outcome instanceof ParseOutcome.Rejected rejected) {
      counts.rejected++;
      log.warn("Not ingested: {}: {}", examined.file(), rejected.reason());
      files.record(c, new FileIndex.Entry(entry.path(), entry.size(), entry.modifiedAt(), entry.contentHash(),
          Optional.empty(), Optional.of(rejected.reason())), now);
      return;
    }
    Article article = ((ParseOutcome.Parsed) outcome).article();
    Optional<Long> stored = articles.findByHash(c, entry.contentHash());
    long articleId;
    if (stored.isPresent()) {
      articleId = stored.get();
      counts.copies++;
    } else {
      Instant newsAt = ArticleStore.newsAt(article.published(), now);
      Optional<Long> story = stories.storyFor(c, article, newsAt);
      counts.joined += story.isPresent() ? 1 : 0;
      articleId = articles.insert(c, article, entry.contentHash(), now, story);
    }
    if (examined.kind() == Kind.CHANGED) {
      counts.changed++;
    } else {
      counts.added++;
    }
    files.record(c, new FileIndex.Entry(entry.path(), entry.size(), entry.modifiedAt(), entry.contentHash(),
        Optional.of(articleId), Optional.empty()), now);
  }

  /** Reads, hashes and (when new or changed) parses one file; runs on the pool. */
  private Examined examine(Path file, FileIndex.Entry known) {
    String path = key(file);
    long size;
    long modified;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      size = attributes.size();
      modified = attributes.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return unreadable(file, path, e);
    }
    if (known != null && known.size() == size && known.modifiedAt() == modified) {
      return new Examined(file, known, Kind.UNCHANGED, Optional.empty());
    }
    if (size > parsers.maxBytes()) {
      ParseOutcome tooLarge = parsers.parse(file); // rejected by size, unread
      return new Examined(file, new FileIndex.Entry(path, size, modified, "size:" + size, Optional.empty(),
          Optional.empty()), known == null ? Kind.NEW : Kind.CHANGED, Optional.of(tooLarge));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) parsers.maxBytes() + 1);
    } catch (IOException e) {
      return unreadable(file, path, e);
    }
    String hash = sha256(bytes);
    FileIndex.Entry entry = new FileIndex.Entry(path, size, modified, hash, Optional.empty(), Optional.empty());
    if (known != null && known.contentHash().equals(hash)) {
      // Touched but not changed: remember the new time, keep its article or reason.
      return new Examined(file, new FileIndex.Entry(path, size, modified, hash, known.articleId(),
          known.rejected()), Kind.UNCHANGED, Optional.empty());
    }
    return new Examined(file, entry, known == null ? Kind.NEW : Kind.CHANGED,
        Optional.of(parsers.parse(file, bytes)));
  }

  private static Examined unreadable(Path file, String path, IOException e) {
    String reason = "cannot read: " + e.getMessage();
    return new Examined(file, new FileIndex.Entry(path, -1, -1, "unreadable", Optional.empty(), Optional.of(reason)),
        Kind.NEW, Optional.of(new ParseOutcome.Rejected(file, reason)));
  }

  /** How a file is known in the index: its normalised absolute path. */
  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

}
