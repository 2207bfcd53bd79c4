package warta.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The stored article files in a folder: every regular file below it but hidden files, notes, data and images. */
public final class ArticleFiles {

  /** Files that are clearly not articles: a corpus's truth, notes, archives, images, databases. */
  private static final Set<String> NOT_ARTICLES = Set.of("json", "jsonl", "md", "csv", "tsv", "gz", "zip",
      "png", "jpg", "jpeg", "gif", "webp", "pdf", "db", "db-wal", "db-shm", "properties", "sqlite");

  private ArticleFiles() {}

  /** The article files under {@code folder}, recursively, in a stable order. */
  public static List<Path> under(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is not a folder");
    }
    try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(Files::isRegularFile).filter(ArticleFiles::looksStored).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + folder + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot walk " + folder + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static boolean looksStored(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".") || name.toUpperCase(Locale.ROOT).startsWith("README")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 || !NOT_ARTICLES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
