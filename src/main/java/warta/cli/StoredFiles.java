package warta.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import warta.ingest.ArticleFiles;

/** The stored article files named on a command line: files as given, folders walked recursively. */
final class StoredFiles {

  private StoredFiles() {}

  /**
   * Expands paths to files in a stable order; a path that does not exist is reported through
   * {@code missing} and skipped.
   */
  static List<Path> expand(List<Path> paths, List<Path> missing) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(ArticleFiles.under(path));
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        missing.add(path);
      }
    }
    return files;
  }
}
