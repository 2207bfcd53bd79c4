package warta.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import warta.topic.TopicTagger;

/**
 * Turns one stored article file into an {@link Article} or a one-line reason why not. Tells saved
 * HTML pages from scraped plain text by content, decodes any bytes, and bounds the work per file.
 * A page downloaded from a news feed has the feed's words beside it ({@link FeedMetadata}): they
 * fill what the page lacks.
 * Thread-safe.
 */
public final class ArticleParsers {

  /** Larger files are not articles: the biggest news pages in our corpus are under 2 MB. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  private final HtmlArticleParser html;
  private final TextArticleParser text;
  private final Supplier<TopicTagger> topics;
  private final long maxBytes;

  public ArticleParsers(TopicTagger topics) {
    this(() -> topics, DEFAULT_MAX_BYTES);
  }

  public ArticleParsers(TopicTagger topics, long maxBytes) {
    this(() -> topics, maxBytes);
  }

  /**
   * @param topics the tagger, asked for at the first article's topics: a command can load the
   *     topic data while the first pages are read and parsed
   * @param maxBytes files larger than this are rejected unread
   */
  public ArticleParsers(Supplier<TopicTagger> topics, long maxBytes) {
    DateReader dates = new DateReader();
    LanguageGuesser languages = new LanguageGuesser();
    this.html = new HtmlArticleParser(dates, languages);
    this.text = new TextArticleParser(dates, languages);
    this.topics = topics;
    this.maxBytes = maxBytes;
  }

  /** Files larger than this many bytes are rejected unread. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Parses one file; never throws for bad content or an unreadable file. */
  public ParseOutcome parse(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return new ParseOutcome.Rejected(file, String.format(Locale.ROOT,
            "too large: %s is over the %s limit for one article", megabytes(size), megabytes(maxBytes)));
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) maxBytes + 1);
      }
    } catch (NoSuchFileException e) {
      return new ParseOutcome.Rejected(file, "no such file");
    } catch (IOException e) {
      return new ParseOutcome.Rejected(file, "cannot read: " + e.getMessage());
    }
    return parse(file, bytes);
  }

  /** Parses stored bytes as if read from {@code file}. */
  public ParseOutcome parse(Path file, byte[] bytes) {
    if (bytes.length == 0) {
      return new ParseOutcome.Rejected(file, "empty file");
    }
    if (bytes.length > maxBytes) {
      return new ParseOutcome.Rejected(file, "too large: over the " + megabytes(maxBytes) + " limit");
    }
    var notText = StoredText.whyNotText(bytes);
    if (notText.isPresent()) {
      return new ParseOutcome.Rejected(file, "not an article: " + notText.get());
    }
    Optional<FeedMetadata> feed = FeedMetadata.readBeside(file);
    StoredText stored = StoredText.decode(bytes, feed.flatMap(FeedMetadata::servedCharset));
    if (stored.text().isBlank()) {
      return new ParseOutcome.Rejected(file, "empty file (only white space)");
    }
    String id = idOf(file);
    try {
      ParseOutcome outcome = switch (stored.kind()) {
        case HTML -> html.parse(id, file, stored.text());
        case PLAIN_TEXT -> text.parse(id, file, stored.text());
      };
      if (feed.isPresent()) {
        outcome = feed.get().complete(outcome, id, file);
      }
      if (outcome instanceof ParseOutcome.Parsed parsed) {
        Article a = parsed.article();
        return new ParseOutcome.Parsed(a.withTopics(topics.get().tag(a.headline(), a.lead(), a.body(), a.language())));
      }
      return outcome;
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must cost one file, not the batch; the reason names it for a bug report.
      return new ParseOutcome.Rejected(file, "parser failed: " + e);
    }
  }

  /** A stored file's id: its name without the last extension. */
  public static String idOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
