package warta.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finding things in a feed's element tree by local name, whatever prefix a feed gives its
 * namespaces ({@code dc:date}, {@code DC:date}, {@code date}), and in any letter case.
 */
final class ElementTree {

  private ElementTree() {}

  static String localName(Element element) {
    String name = element.tagName();
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  static boolean isNamed(Element element, String localName) {
    return localName(element).equalsIgnoreCase(localName);
  }

  /** Child elements with that local name, in document order. */
  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>(2);
    for (Element child : parent.children()) {
      if (isNamed(child, localName)) {
        found.add(child);
      }
    }
    return found;
  }

  /**
   * The child with that local name, one without a prefix first: {@code <title>} is the item's
   * own title where {@code <media:title>} stands beside it.
   */
  static Optional<Element> child(Element parent, String localName) {
    Element prefixed = null;
    for (Element child : parent.children()) {
      if (isNamed(child, localName)) {
        if (child.tagName().indexOf(':') < 0) {
          return Optional.of(child);
        }
        if (prefixed == null) {
          prefixed = child;
        }
      }
    }
    return Optional.ofNullable(prefixed);
  }

  /**
   * The elements with that local name inside the root, not looking inside one once found: an
   * item is found wherever a malformed document nested it, but never inside another item.
   */
  static List<Element> outermost(Element root, String localName) {
    List<Element> found = new ArrayList<>();
    root.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element element && node != root && isNamed(element, localName)) {
          found.add(element);
          return FilterResult.SKIP_CHILDREN;
        }
        return node instanceof Element ? FilterResult.CONTINUE : FilterResult.SKIP_ENTIRELY;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    });
    return found;
  }

  /** The attribute with that local name ({@code about} finds {@code rdf:about}), or {@code ""}. */
  static String attribute(Element element, String localName) {
    for (Attribute attribute : element.attributes()) {
      String key = attribute.getKey();
      int colon = key.indexOf(':');
      if (key.substring(colon + 1).equalsIgnoreCase(localName)) {
        return attribute.getValue();
      }
    }
    return "";
  }

  /** The nearest {@code xml:lang} on the element or its ancestors, or {@code ""}. */
  static String xmlLang(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      String lang = e.attr("xml:lang");
      if (!lang.isBlank()) {
        return lang.strip();
      }
    }
    return "";
  }

  /**
   * The text inside the element as written: CDATA and entities resolved, markup the feed left
   * unescaped kept as markup. Empty when the document ended inside the element, so a truncated
   * feed gives no half link, title or date.
   */
  static String content(Element element) {
    if (isCutOff(element)) {
      return "";
    }
    return element.childrenSize() == 0 ? element.wholeText() : markup(element);
  }

  static String content(Optional<Element> element) {
    return element.map(ElementTree::content).orElse("");
  }

  /**
   * The element's inside as markup, its text as the feed wrote it: like {@code html()}, but
   * without escaping the text again, so {@code &amp;amp;} in a feed's markup means {@code &}.
   */
  private static String markup(Element element) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.getWholeText());
        } else if (node instanceof Element inner && inner != element) {
          out.append('<').append(inner.tagName());
          for (Attribute attribute : inner.attributes()) {
            out.append(' ').append(attribute.html());
          }
          out.append('>');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element inner && inner != element) {
          out.append("</").append(inner.tagName()).append('>');
        }
      }
    }, element);
    return out.toString();
  }

  /** Whether the document ended before the element's end tag. Needs a position-tracking parse. */
  static boolean isCutOff(Element element) {
    var end = element.endSourceRange();
    return end.isImplicit() && end.endPos() >= documentEnd(element);
  }

  private static int documentEnd(Element element) {
    Element top = element;
    while (top.parent() != null) {
      top = top.parent();
    }
    return top.endSourceRange().endPos();
  }
}
