package warta.article;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a news feed said of an article whose page was downloaded: its link, title, date and
 * summary, what the operator said of the source, and the charset the server named for the page. Kept beside the stored page as
 * {@code <id>.feed.properties}, it fills what the page itself lacks when the page is parsed, and
 * stands in for a page that holds no readable story (a script-only page, say).
 *
 * @param link the article's URL as the feed gives it
 * @param title the item's title, plain text; {@code ""} when none
 * @param published the item's date; empty when the feed gave none
 * @param summary the item's summary, plain text; {@code ""} when none
 * @param sourceName the operator's name for the source; {@code ""} when none
 * @param language ISO 639-1 from the feed or the operator; {@code ""} when unknown
 * @param section the section the operator gave the source; {@code ""} when none
 * @param feed the feed's URL
 * @param charset the charset the server named for the page ({@code Content-Type}), {@code ""} when none
 */
public record FeedMetadata(String link, String title, Optional<Published> published, String summary,
                           String sourceName, String language, String section, String feed, String charset) {

  private static final Logger log = LoggerFactory.getLogger(FeedMetadata.class);
  private static final String SUFFIX = ".feed.properties";

  public FeedMetadata {
    requireNonNull(link, "link");
    requireNonNull(title, "title");
    requireNonNull(published, "published");
    requireNonNull(summary, "summary");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(language, "language");
    requireNonNull(section, "section");
    requireNonNull(feed, "feed");
    requireNonNull(charset, "charset");
  }

  /** The server's charset for the page, when it named one Java knows. */
  public Optional<Charset> servedCharset() {
    try {
      return charset.isEmpty() ? Optional.empty() : Optional.of(Charset.forName(charset));
    } catch (IllegalArgumentException e) { // unknown or illegal name
      return Optional.empty();
    }
  }

  /** Where the feed's words about a stored page are kept: beside it, {@code <id>.feed.properties}. */
  public static Path besideOf(Path page) {
    return page.resolveSibling(ArticleParsers.idOf(page) + SUFFIX);
  }

  /** The feed's words about a stored page, when it came from a feed; an unreadable file is logged and ignored. */
  public static Optional<FeedMetadata> readBeside(Path page) {
    Path file = besideOf(page);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      log.warn("{}: feed metadata unreadable, the page is parsed alone: {}", file, e.getMessage());
      return Optional.empty();
    }
    Optional<Published> published = Optional.empty();
    String date = p.getProperty("published", "");
    if (!date.isEmpty()) {
      try {
        published = Optional.of(Published.parse(date));
      } catch (DateTimeParseException e) {
        log.warn("{}: published={} is not an ISO date; ignored", file, date);
      }
    }
    return Optional.of(new FeedMetadata(p.getProperty("link", ""), p.getProperty("title", ""), published,
        p.getProperty("summary", ""), p.getProperty("source.name", ""), p.getProperty("language", ""),
        p.getProperty("section", ""), p.getProperty("feed", ""), p.getProperty("charset", "")));
  }

  /** Writes this beside the stored page (the caller makes the write atomic if it needs to). */
  public void writeTo(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("link", link);
    p.setProperty("title", title);
    published.ifPresent(d -> p.setProperty("published", d.toString()));
    p.setProperty("summary", summary);
    p.setProperty("source.name", sourceName);
    p.setProperty("language", language);
    p.setProperty("section", section);
    p.setProperty("feed", feed);
    if (!charset.isEmpty()) {
      p.setProperty("charset", charset);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "What the feed said of the page beside this file; it fills what the page lacks");
    }
  }

  /**
   * The page's parse, completed by the feed: each field the page left empty takes the feed's. A
   * page with no readable story becomes the feed's title and summary, when the feed gave both.
   */
  ParseOutcome complete(ParseOutcome page, String id, Path file) {
    if (page instanceof ParseOutcome.Parsed parsed) {
      Article a = parsed.article();
      return new ParseOutcome.Parsed(new Article(a.id(), a.file(), or(a.headline(), title), a.published().or(() -> published),
          or(a.lead(), summary), or(a.source(), sourceName), or(a.url(), link), or(a.language(), language),
          or(a.section(), section), a.topics(), a.body().isEmpty() && !summary.isBlank() ? List.of(summary) : a.body()));
    }
    if (title.isBlank() || summary.isBlank()) {
      return page;
    }
    String reason = ((ParseOutcome.Rejected) page).reason();
    log.info("{}: the page gave no story ({}); its feed's title and summary stand in", file, reason);
    return new ParseOutcome.Parsed(new Article(id, file, title, published, summary, or(sourceName, HtmlArticleParser.host(link).orElse("")),
        link, language, section, List.of(), List.of(summary)));
  }

  private static String or(String value, String fallback) {
    return value.isBlank() ? fallback : value;
  }
}
