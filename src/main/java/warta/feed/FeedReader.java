package warta.feed;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.article.DateReader;
import warta.article.Published;

/**
 * Reads RSS 2.0, RSS 1.0 and Atom feeds as downloaded into their items, forgiving what real
 * feeds get wrong: a DOCTYPE, HTML entities, a missing end, relative links, localized dates.
 *
 * <p>The document is read whole with jsoup's lenient XML parser, which keeps every item before
 * the point where a truncated document ends. Thread-safe: it keeps no state between calls.
 */
public final class FeedReader {

  private static final Logger log = LoggerFactory.getLogger(FeedReader.class);
  private static final int QUOTED_CHARS = 40;

  private final DateReader dates = new DateReader();

  public FeedReader() {}

  /**
   * The feed's items, or why the body is not a feed. Never throws on bad bytes.
   *
   * @param body the bytes as downloaded
   * @param charset the charset the Content-Type header gave, or empty; a byte order mark
   *     overrides it, and without either the XML declaration's encoding is used, else UTF-8
   * @param feedUrl where the feed came from: relative links are resolved against it
   */
  public FeedOutcome read(byte[] body, Optional<Charset> charset, URI feedUrl) {
    requireNonNull(body, "body");
    requireNonNull(charset, "charset");
    requireNonNull(feedUrl, "feedUrl");
    if (body.length == 0) {
      return new FeedOutcome.Unreadable("empty body");
    }
    String text = FeedText.decode(body, charset).text();
    Optional<String> binary = FeedText.whyBinary(body, text);
    if (binary.isPresent()) {
      return new FeedOutcome.Unreadable(binary.get());
    }
    if (text.isBlank()) {
      return new FeedOutcome.Unreadable("empty body (" + body.length + " bytes of white space)");
    }
    // A fresh parser per call: parsers are not shared between threads.
    Document document = Jsoup.parse(text, "", Parser.xmlParser().setTrackPosition(true));
    Optional<Element> root = feedRoot(document);
    if (root.isEmpty()) {
      return new FeedOutcome.Unreadable(whyNotAFeed(document, text));
    }
    FeedFormat format = FeedFormat.ofRoot(root.get()).orElseThrow();
    return read(format, root.get(), feedUrl);
  }

  private FeedOutcome.Read read(FeedFormat format, Element root, URI feedUrl) {
    String feedLanguageTag = format.languageTag(root);
    String feedLanguage = LanguageCodes.iso639(feedLanguageTag);
    List<FeedItem> items = new ArrayList<>();
    Set<String> links = new HashSet<>();
    int skipped = 0;
    for (Element element : format.items(root)) {
      ItemDraft draft = format.draft(element, feedUrl);
      Optional<String> link = firstWebLink(draft);
      if (link.isEmpty()) {
        skipped++;
        log.debug("{}: item {} skipped: no usable link in {}", feedUrl,
            draft.guid().isEmpty() ? "\"" + draft.title() + "\"" : draft.guid(), draft.links());
        continue;
      }
      if (!links.add(link.get())) {
        continue; // the same article twice: the first stands
      }
      String languageTag = draft.languageTag().isEmpty() ? feedLanguageTag : draft.languageTag();
      String language = LanguageCodes.iso639(draft.languageTag());
      items.add(new FeedItem(link.get(), draft.guid(), draft.title(),
          firstDate(draft.dates(), languageTag),
          PlainText.capped(draft.summary(), FeedItem.SUMMARY_LIMIT),
          language.isEmpty() ? feedLanguage : language));
    }
    return new FeedOutcome.Read(format.title(root), feedLanguage, items, skipped);
  }

  private static Optional<String> firstWebLink(ItemDraft draft) {
    for (String written : draft.links()) {
      Optional<String> link = FeedLinks.resolve(written, draft.base());
      if (link.isPresent()) {
        return link;
      }
    }
    return Optional.empty();
  }

  private Optional<Published> firstDate(List<String> written, String languageTag) {
    for (String date : written) {
      Optional<Published> published = dates.parse(PlainText.normalize(date), languageTag);
      if (published.isPresent()) {
        return published;
      }
    }
    return Optional.empty();
  }

  /**
   * The first top-level element that is a feed's root. Text or markup before it (a server's
   * warning printed ahead of the feed) is passed over.
   */
  private static Optional<Element> feedRoot(Document document) {
    for (Element element : document.children()) {
      if (FeedFormat.ofRoot(element).isPresent()) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  private static String whyNotAFeed(Document document, String text) {
    Optional<Element> first = document.children().stream().findFirst();
    boolean htmlDoctype = document.childNodes().stream()
        .anyMatch(n -> n instanceof DocumentType type && type.name().equalsIgnoreCase("html"));
    if (first.isPresent() && ElementTree.isNamed(first.get(), "html")) {
      return "not a feed: an HTML page (<" + first.get().tagName() + "> root)";
    }
    if (htmlDoctype) {
      return "not a feed: an HTML page (<!DOCTYPE html>)";
    }
    if (first.isPresent()) {
      return "no RSS/Atom root element (root is <" + first.get().tagName() + ">)";
    }
    String start = PlainText.normalize(text.strip());
    String quoted = start.length() > QUOTED_CHARS ? start.substring(0, QUOTED_CHARS) + "…" : start;
    String kind = start.startsWith("{") || start.startsWith("[") ? "JSON" : "plain text";
    return "no RSS/Atom root element: " + kind + " without XML elements (starts \"" + quoted + "\")";
  }
}
