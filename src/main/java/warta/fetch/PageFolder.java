package warta.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.article.FeedMetadata;

/**
 * Where downloaded pages are stored: {@code fetched/<host>/<yyyy-MM>/<hash of the link>.html}
 * under the articles folder, the raw bytes as the server sent them, with the feed's words beside
 * them ({@code .feed.properties}). Each file is written whole to a temporary name and moved into
 * place, the feed's words first: ingestion never reads half a page, nor a page without its words.
 */
final class PageFolder {

  static final String FOLDER = "fetched";
  private static final Logger log = LoggerFactory.getLogger(PageFolder.class);

  private final Path articlesDir;
  private final Clock clock;

  PageFolder(Path articlesDir, Clock clock) {
    this.articlesDir = articlesDir;
    this.clock = clock;
  }

  /** Stores the page and its feed's words; returns the page's path relative to the articles folder. */
  String save(URI link, byte[] page, FeedMetadata feed) throws IOException {
    String host = link.getHost() == null ? "unknown-host" : link.getHost().toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9.-]", "_");
    Path folder = articlesDir.resolve(FOLDER).resolve(host).resolve(YearMonth.now(clock).toString());
    Files.createDirectories(folder);
    Path file = folder.resolve(name(link) + ".html");
    Path words = FeedMetadata.besideOf(file);
    Path wordsPart = folder.resolve("." + words.getFileName() + ".part");
    feed.writeTo(wordsPart);
    move(wordsPart, words);
    Path pagePart = folder.resolve("." + file.getFileName() + ".part");
    Files.write(pagePart, page);
    move(pagePart, file);
    return articlesDir.relativize(file).toString().replace('\\', '/');
  }

  /**
   * Removes stored pages (and the feed's words beside them) last written before {@code before},
   * and the folders left empty; their articles stay in the store. Returns how many pages went.
   */
  int prune(Instant before) {
    Path root = articlesDir.resolve(FOLDER);
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(root)) {
      pages = walk.filter(p -> p.getFileName().toString().endsWith(".html")).toList();
    } catch (IOException | UncheckedIOException e) {
      log.warn("Old pages under {} not pruned: {}", root, e.toString());
      return 0;
    }
    for (Path page : pages) {
      try {
        if (Files.getLastModifiedTime(page).toInstant().isBefore(before)) {
          Files.deleteIfExists(FeedMetadata.besideOf(page));
          Files.delete(page);
          removed++;
          deleteIfEmpty(page.getParent(), root);
        }
      } catch (IOException e) {
        log.warn("Old page {} not removed: {}", page, e.toString());
      }
    }
    if (removed > 0) {
      log.info("Removed {} pages downloaded before {} (their articles stay in the store)", removed, before);
    }
    return removed;
  }

  /** Removes {@code folder} and its parents up to {@code root} while they are empty. */
  private static void deleteIfEmpty(Path folder, Path root) throws IOException {
    for (Path f = folder; f != null && f.startsWith(root) && !f.equals(root); f = f.getParent()) {
      try (Stream<Path> left = Files.list(f)) {
        if (left.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(f);
    }
  }

  /** 16 hex digits of the link's SHA-256: stable, and the same link is always the same file. */
  static String name(URI link) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(link.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
