package warta.feed;

import static warta.feed.ElementTree.attribute;
import static warta.feed.ElementTree.child;
import static warta.feed.ElementTree.children;
import static warta.feed.ElementTree.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * RSS 2.0 and 0.9x ({@code rss/channel/item}) and RSS 1.0 ({@code rdf:RDF/item}): the same item
 * elements, with Dublin Core and {@code content:encoded} beside them.
 */
final class RssFormat implements FeedFormat {

  /** Where items write their date: RSS 2.0's own, then Dublin Core's, then Atom's used in RSS. */
  private static final List<String> DATE_ELEMENTS =
      List.of("pubDate", "date", "published", "updated", "issued", "created", "modified");

  @Override
  public String title(Element root) {
    return PlainText.fromHtml(content(child(channel(root), "title")));
  }

  @Override
  public String languageTag(Element root) {
    Element channel = channel(root);
    String written = PlainText.normalize(content(child(channel, "language")));
    return written.isEmpty() ? ElementTree.xmlLang(channel) : written;
  }

  @Override
  public List<Element> items(Element root) {
    return ElementTree.outermost(root, "item");
  }

  @Override
  public ItemDraft draft(Element item, URI feedUrl) {
    Optional<Element> guid = child(item, "guid");
    String id = PlainText.normalize(content(guid));
    String about = attribute(item, "about").strip();
    List<String> dates = new ArrayList<>(2);
    for (String name : DATE_ELEMENTS) {
      child(item, name).map(ElementTree::content).filter(d -> !d.isBlank()).ifPresent(dates::add);
    }
    String summary = PlainText.fromHtml(content(child(item, "description")));
    if (summary.isEmpty()) {
      summary = PlainText.fromHtml(content(child(item, "encoded")));
    }
    String language = PlainText.normalize(content(child(item, "language")));
    return new ItemDraft(feedUrl, links(item, guid, about), id.isEmpty() ? about : id,
        PlainText.fromHtml(content(child(item, "title"))), dates, summary,
        language.isEmpty() ? item.attr("xml:lang").strip() : language);
  }

  /**
   * The link's text; else an {@code atom:link} to the page; else a guid that is a permalink
   * (the default); else RSS 1.0's {@code rdf:about}.
   */
  private static List<String> links(Element item, Optional<Element> guid, String about) {
    List<String> links = new ArrayList<>(2);
    List<Element> linkElements = children(item, "link");
    for (Element link : linkElements) {
      String text = content(link);
      if (!text.isBlank()) {
        links.add(text);
      }
    }
    for (Element link : linkElements) {
      String rel = link.attr("rel").strip();
      if (link.hasAttr("href") && (rel.isEmpty() || rel.equalsIgnoreCase("alternate"))) {
        links.add(link.attr("href"));
      }
    }
    guid.filter(g -> !g.attr("isPermaLink").strip().equalsIgnoreCase("false"))
        .map(ElementTree::content)
        .filter(g -> !g.isBlank())
        .ifPresent(links::add);
    if (!about.isEmpty()) {
      links.add(about);
    }
    return links;
  }

  /** RSS 2.0's channel; RSS 1.0 keeps its items beside the channel, so the root stands in. */
  private static Element channel(Element root) {
    return child(root, "channel").orElse(root);
  }
}
