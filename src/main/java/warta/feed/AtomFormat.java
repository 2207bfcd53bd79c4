package warta.feed;

import static warta.feed.ElementTree.child;
import static warta.feed.ElementTree.children;
import static warta.feed.ElementTree.content;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;

/** Atom 1.0 ({@code feed/entry}, RFC 4287), and the Atom 0.3 dates some feeds still write. */
final class AtomFormat implements FeedFormat {

  private static final List<String> DATE_ELEMENTS =
      List.of("published", "updated", "issued", "created", "modified", "date");

  @Override
  public String title(Element root) {
    return text(child(root, "title"));
  }

  @Override
  public String languageTag(Element root) {
    return ElementTree.xmlLang(root);
  }

  @Override
  public List<Element> items(Element root) {
    return ElementTree.outermost(root, "entry");
  }

  @Override
  public ItemDraft draft(Element entry, URI feedUrl) {
    URI base = base(entry, feedUrl);
    String id = PlainText.normalize(content(child(entry, "id")));
    List<String> links = new ArrayList<>(2);
    List<String> otherTypes = new ArrayList<>(1);
    for (Element link : children(entry, "link")) {
      String rel = link.attr("rel").strip().toLowerCase(Locale.ROOT);
      if (!link.hasAttr("href") || !(rel.isEmpty() || rel.equals("alternate"))) {
        continue;
      }
      String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
      (type.isEmpty() || type.contains("html") ? links : otherTypes).add(link.attr("href"));
    }
    links.addAll(otherTypes);
    if (!id.isEmpty()) {
      links.add(id); // some feeds give only an id that is the page's URL
    }
    List<String> dates = new ArrayList<>(2);
    for (String name : DATE_ELEMENTS) {
      child(entry, name).map(ElementTree::content).filter(d -> !d.isBlank()).ifPresent(dates::add);
    }
    String summary = text(child(entry, "summary"));
    if (summary.isEmpty()) {
      summary = text(child(entry, "content"));
    }
    return new ItemDraft(base, links, id, text(child(entry, "title")), dates, summary,
        ElementTree.xmlLang(entry));
  }

  /**
   * An Atom text construct as plain text: {@code type="text"} (the default) as written,
   * {@code html} with its escaped markup taken out, {@code xhtml} from its elements.
   */
  private static String text(Optional<Element> construct) {
    if (construct.isEmpty()) {
      return "";
    }
    Element element = construct.get();
    String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
    String written = content(element);
    boolean plain = (type.isEmpty() || type.equals("text") || type.equals("text/plain"))
        && element.childrenSize() == 0;
    return plain ? PlainText.normalize(written) : PlainText.fromHtml(written);
  }

  /** The feed's URL as changed by {@code xml:base} on the entry and the elements around it. */
  private static URI base(Element entry, URI feedUrl) {
    Deque<String> bases = new ArrayDeque<>();
    for (Element e = entry; e != null; e = e.parent()) {
      if (e.hasAttr("xml:base")) {
        bases.push(e.attr("xml:base"));
      }
    }
    URI base = feedUrl;
    for (String xmlBase : bases) {
      base = FeedLinks.rebased(base, xmlBase);
    }
    return base;
  }
}
