package warta.article;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** What became of one stored file: an article, or the reason there is none. */
public sealed interface ParseOutcome {

  Path file();

  /** The file held an article. */
  record Parsed(Article article) implements ParseOutcome {
    public Parsed {
      requireNonNull(article, "article");
    }

    @Override
    public Path file() {
      return article.file();
    }
  }

  /** The file held no article; the reason says why in one line. */
  record Rejected(Path file, String reason) implements ParseOutcome {
    public Rejected {
      requireNonNull(file, "file");
      requireNonNull(reason, "reason");
    }
  }
}
