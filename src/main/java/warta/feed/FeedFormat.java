package warta.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;

/** A kind of feed document, and where in it the feed's title, language and items are written. */
interface FeedFormat {

  /** The format of a document with that root element: RSS 2.0 or 0.9x, RSS 1.0 (RDF) or Atom. */
  static Optional<FeedFormat> ofRoot(Element root) {
    if (ElementTree.isNamed(root, "rss") || ElementTree.isNamed(root, "RDF")) {
      return Optional.of(new RssFormat());
    }
    return ElementTree.isNamed(root, "feed") ? Optional.of(new AtomFormat()) : Optional.empty();
  }

  /** The feed's own title as plain text, or {@code ""}. */
  String title(Element root);

  /** The feed's language tag as written ({@code en-us}), or {@code ""}. */
  String languageTag(Element root);

  List<Element> items(Element root);

  ItemDraft draft(Element item, URI feedUrl);
}
