package warta.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The stored article files named on a command line: files as given, folders walked recursively. */
final class StoredFiles {

  /** In a folder, files that are clearly not articles: the corpus's truth, notes, archives, images. */
  private static final Set<String> NOT_ARTICLES = Set.of("json", "jsonl", "md", "csv", "tsv", "gz", "zip",
      "png", "jpg", "jpeg", "gif", "webp", "pdf", "db", "properties", "meta", "sqlite");

  private StoredFiles() {}

  /**
   * Expands paths to files in a stable order; a path that does not exist is reported through
   * {@code missing} and skipped.
   */
  static List<Path> expand(List<Path> paths, List<Path> missing) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(StoredFiles::looksStored).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path, e);
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        missing.add(path);
      }
    }
    return files;
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
