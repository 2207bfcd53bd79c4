package warta.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds a page's story text: scores every block of the page by its text, commas, link density
 * and class names, takes the highest-scoring container (with its related siblings) as the story,
 * and reads its paragraphs in order, skipping captions, bylines, teasers and ads. The first
 * paragraph left is the lead.
 */
final class LeadFinder {

  /** The story's paragraphs (the lead first) and what was skipped on the way, by kind. */
  record Content(List<String> paragraphs, Map<Noise, Integer> skipped) {
    Content {
      paragraphs = List.copyOf(paragraphs);
      skipped = Map.copyOf(skipped);
    }

    String lead() {
      return paragraphs.isEmpty() ? "" : paragraphs.get(0);
    }
  }

  /** A run of text owned by one block element, with how much of it is link text. */
  private record Segment(Element owner, String text, int linkChars) {
    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }
  }

  private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "svg",
      "canvas", "iframe", "object", "embed", "select", "textarea", "button", "input", "option", "link",
      "meta", "video", "audio", "picture", "img", "map", "math", "dialog");
  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body",
      "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
      "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
      "th", "thead", "tr", "ul", "caption", "legend", "output");
  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "li", "dd", "td");
  private static final Set<String> NOT_STORY = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
      "figure", "caption", "nav", "aside", "footer", "header", "menu", "legend", "address", "form", "th");
  private static final ClassNames NEGATIVE = ClassNames.containing(List.of("advert", "banner", "comment",
      "combx", "contact", "foot", "gdpr", "masthead", "outbrain", "taboola", "promo", "related", "shoutbox",
      "sidebar", "skyscraper", "sponsor", "shopping", "widget", "byline", "author", "dateline", "timestamp",
      "caption", "credit", "social", "newsletter", "subscri", "recommend", "popular", "trending",
      "breadcrumb", "menu", "cookie", "consent", "modal", "popup", "signup", "login", "disclaimer",
      "copyright", "toolbar", "pagination", "pager", "mostread", "most-read", "readmore", "read-more",
      "alsoread", "also-read", "bacajuga", "baca-juga", "morestories", "more-stories", "rss", "print"),
      Set.of("ad", "ads", "adv", "nav", "hid", "share", "tag", "tags"));
  /** Overlays: not paywalls, which wrap the story itself. */
  private static final Set<String> OVERLAY_EXEMPT = Set.of("html", "body", "main", "article");
  /** A class or id that starts with one of these words: {@code privacy-modal}, {@code cookie-banner}. */
  private static final ClassNames OVERLAY = ClassNames.startingWith(Set.of("cookie", "cookies", "consent",
      "gdpr", "privacy", "modal", "popup"));
  private static final ClassNames POSITIVE = ClassNames.containing(List.of("article", "body", "content",
      "entry", "hentry", "main", "post", "text", "blog", "story", "lead", "intro", "paragraph", "detail",
      "column"), Set.of());
  /** Class names that mark text inside a story as not story: a caption or byline inside the body. */
  private static final ClassNames NOISE_CLASS = ClassNames.containing(List.of("caption", "credit", "byline",
      "author", "dateline", "timestamp", "social", "related", "recommend", "newsletter", "subscri", "promo",
      "advert", "sponsor", "breadcrumb", "comment", "disclaimer", "cookie", "consent", "popup", "modal",
      "readmore", "read-more", "alsoread", "also-read", "bacajuga", "baca-juga", "inlinelink", "inline-link",
      "embed", "toolbar", "print", "widget"), Set.of("date", "time", "meta", "share", "tag", "tags", "ad", "ads"));
  private static final int MIN_SCORED_WEIGHT = 25;
  private static final int MIN_LEAD_WEIGHT = 40;
  private static final int MIN_BODY_WEIGHT = 20;
  private static final Pattern SENTENCE_END = Pattern.compile("\\.(?: |$)");
  private static final int MAX_PARAGRAPHS = 400;
  private static final double MIN_STORY_LENGTH = 250;

  private final DateReader dates;
  private final Map<String, Double> classWeights = new java.util.HashMap<>();
  private final Map<String, Boolean> noiseClasses = new java.util.HashMap<>();
  private final Map<String, Boolean> overlayNames = new java.util.HashMap<>();

  LeadFinder(DateReader dates) {
    this.dates = dates;
  }

  /** The story of a page; the page is pruned in place. One finder serves one page. */
  Content find(Document page, String headline) {
    Element body = page.body();
    prune(body);
    List<Segment> segments = segments(body);
    Map<Element, double[]> scores = score(segments);
    Element top = best(scores);
    if (top == null) {
      return new Content(List.of(), Map.of());
    }
    Set<Element> story = storyRoots(top, scores);
    return read(segments, top, story, headline.strip(), scores);
  }

  private void prune(Element body) {
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      if (DROPPED.contains(tag) || e.hasAttr("hidden") || hiddenByStyle(e.attr("style")) || isOverlay(e)) {
        doomed.add(e);
      }
    }
    doomed.forEach(Node::remove);
  }

  /** Cookie banners, consent and privacy dialogs, pop-ups: text over the page, never story. */
  private boolean isOverlay(Element e) {
    String names = e.className() + " " + e.id();
    return names.length() > 1 && overlayNames.computeIfAbsent(names, n -> OVERLAY.matches(n))
        && !OVERLAY_EXEMPT.contains(e.normalName());
  }

  private static boolean hiddenByStyle(String style) {
    if (style.isEmpty()) {
      return false;
    }
    String compact = style.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }

  /** Every run of text in document order, attributed to the block element it sits in. */
  private static List<Segment> segments(Element body) {
    List<Segment> segments = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private final List<Element> owners = new ArrayList<>();
      private final StringBuilder text = new StringBuilder();
      private int linkChars;
      private int linkDepth;
      private int breaks;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = t.getWholeText();
          if (!t.isBlank()) {
            breaks = 0;
          }
          text.append(s);
          if (linkDepth > 0) {
            linkChars += s.strip().length();
          }
        } else if (node instanceof Element e) {
          String tag = e.normalName();
          if (BLOCKS.contains(tag)) {
            flush();
            owners.add(e);
          } else if (tag.equals("br")) {
            if (++breaks >= 2) {
              flush(); // two line breaks end a paragraph in pages that do not use <p>
            } else {
              text.append(' ');
            }
          } else if (tag.equals("a")) {
            linkDepth++;
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName();
          if (BLOCKS.contains(tag)) {
            flush();
            owners.remove(owners.size() - 1);
          } else if (tag.equals("a")) {
            linkDepth--;
          }
        }
      }

      private void flush() {
        String normalized = PlainText.normalize(text.toString());
        if (!normalized.isEmpty() && !owners.isEmpty()) {
          segments.add(new Segment(owners.get(owners.size() - 1), normalized,
              Math.min(linkChars, normalized.length())));
        }
        text.setLength(0);
        linkChars = 0;
        breaks = 0;
      }
    }, body);
    return segments;
  }

  /**
   * Content scores of container elements: index 0 the score, 1 text length, 2 link text length,
   * 3 whether paragraphs gave it points (only those are candidates).
   */
  private Map<Element, double[]> score(List<Segment> segments) {
    Map<Element, double[]> scores = new IdentityHashMap<>();
    for (Segment segment : segments) {
      int length = segment.text().length();
      for (Element e = segment.owner(); e != null; e = e.parent()) {
        double[] s = scores.computeIfAbsent(e, this::initialScore);
        s[1] += length;
        s[2] += segment.linkChars();
      }
      int weight = PlainText.weight(segment.text());
      if (weight < MIN_SCORED_WEIGHT || segment.linkDensity() > 0.5) {
        continue;
      }
      double points = 1 + PlainText.commas(segment.text()) + Math.min(weight / 100, 3);
      Element container = PARAGRAPHS.contains(segment.owner().normalName())
          ? segment.owner().parent() : segment.owner();
      int level = 0;
      for (Element e = container; e != null && level < 5; e = e.parent()) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        double[] s = scores.computeIfAbsent(e, this::initialScore);
        s[0] += points / divider;
        s[3] = 1;
        // A wrapper around a single child is not a level of its own: pages that wrap every
        // paragraph in a few divs still credit the container that holds them all.
        if (e.childrenSize() > 1) {
          level++;
        }
      }
    }
    return scores;
  }

  private double[] initialScore(Element e) {
    double score = switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    String names = e.className() + " " + e.id();
    return new double[] {score + (names.length() > 1 ? classWeights.computeIfAbsent(names, LeadFinder::classWeight) : 0), 0, 0, 0};
  }

  /** +25 when the class or id names content, -25 when it names page furniture; both, 0. */
  private static double classWeight(String classAndId) {
    double weight = 0;
    if (NEGATIVE.matches(classAndId)) {
      weight -= 25;
    }
    if (POSITIVE.matches(classAndId)) {
      weight += 25;
    }
    return weight;
  }

  private static Element best(Map<Element, double[]> scores) {
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, double[]> entry : scores.entrySet()) {
      double[] s = entry.getValue();
      if (s[3] == 0) {
        continue;
      }
      double linkDensity = s[1] == 0 ? 0 : s[2] / s[1];
      // A container with little text is no story, whatever its class name promises.
      double mass = Math.min(1, s[1] / MIN_STORY_LENGTH);
      double score = s[0] * (1 - linkDensity) * mass;
      if (best == null || score > bestScore) {
        best = entry.getKey();
        bestScore = score;
      }
    }
    return bestScore > 0 ? best : null;
  }

  /** The top container and the siblings that carry the same story. */
  private static Set<Element> storyRoots(Element top, Map<Element, double[]> scores) {
    Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    roots.add(top);
    Element parent = top.parent();
    if (parent == null) {
      return roots;
    }
    double[] topScore = scores.get(top);
    double threshold = Math.max(10, topScore[0] * 0.2);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        continue;
      }
      double[] s = scores.get(sibling);
      if (s == null) {
        continue;
      }
      double linkDensity = s[1] == 0 ? 0 : s[2] / s[1];
      double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
          ? topScore[0] * 0.2 : 0;
      boolean paragraph = false;
      if (sibling.normalName().equals("p")) {
        String text = PlainText.normalize(sibling.text());
        paragraph = text.length() > 80 && linkDensity < 0.25
            || !text.isEmpty() && linkDensity == 0 && SENTENCE_END.matcher(text).find();
      }
      if (s[0] + bonus >= threshold && linkDensity < 0.5 || paragraph) {
        roots.add(sibling);
      }
    }
    return roots;
  }

  private Content read(List<Segment> segments, Element top, Set<Element> roots, String headline,
                       Map<Element, double[]> scores) {
    List<Segment> story = new ArrayList<>();
    int first = -1;
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      Element root = rootOf(segment.owner(), roots);
      if (root != null && !insideNonStory(segment.owner(), root, scores)) {
        story.add(segment);
        first = first < 0 ? i : first;
      }
    }
    if (first > 0) {
      story.addAll(0, earlierParagraphs(segments, first, top, scores));
    }

    List<String> paragraphs = new ArrayList<>();
    Map<Noise, Integer> skipped = new EnumMap<>(Noise.class);
    String shortOpening = "";
    for (Segment segment : story) {
      if (paragraphs.size() >= MAX_PARAGRAPHS) {
        break;
      }
      String text = segment.text();
      int weight = PlainText.weight(text);
      if (weight < MIN_BODY_WEIGHT || segment.linkDensity() > 0.5 || text.equals(headline)) {
        continue;
      }
      var noise = Noise.of(text);
      if (noise.isPresent()) {
        skipped.merge(noise.get(), 1, Integer::sum);
        continue;
      }
      if (paragraphs.isEmpty()) {
        if (segment.linkDensity() > 0.35 || isDateLine(text)) {
          continue;
        }
        if (weight < MIN_LEAD_WEIGHT) {
          // A short opening line ("Merry Christmas, Inter Miami fans.") leads only when a full
          // paragraph follows it.
          shortOpening = shortOpening.isEmpty() && endsLikeASentence(text) ? text : shortOpening;
          continue;
        }
        if (!shortOpening.isEmpty() && weight >= 80) {
          paragraphs.add(Dateline.strip(shortOpening));
        }
        paragraphs.add(Dateline.strip(text));
        continue;
      }
      paragraphs.add(text);
    }
    return new Content(paragraphs, skipped);
  }

  /**
   * Story paragraphs just before the top container: the first chunk of a body split by ads, or an
   * opening paragraph in a block of its own. Walks back from the story until the headline, a
   * link list, or a container further than a few levels from the story.
   */
  private List<Segment> earlierParagraphs(List<Segment> segments, int first, Element top,
                                          Map<Element, double[]> scores) {
    Set<Element> near = Collections.newSetFromMap(new IdentityHashMap<>());
    Element e = top;
    for (int level = 0; e != null && level <= 3; level++, e = e.parent()) {
      near.add(e);
    }
    // Earlier paragraphs must look like the story's own: <p> elements of the same class.
    String storyClass = null;
    for (int i = first; i < segments.size() && storyClass == null; i++) {
      Element owner = segments.get(i).owner();
      if (owner.normalName().equals("p") && rootOf(owner, near) != null) {
        storyClass = owner.className();
      }
    }
    List<Segment> earlier = new ArrayList<>();
    if (storyClass == null) {
      return earlier;
    }
    int passed = 0;
    for (int i = first - 1; i >= 0 && passed < 15; i--) {
      Segment segment = segments.get(i);
      Element owner = segment.owner();
      Element common = rootOf(owner, near);
      String tag = owner.normalName();
      if (common == null || tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
        break;
      }
      int weight = PlainText.weight(segment.text());
      if (segment.linkDensity() > 0.5 && weight >= 20) {
        break;
      }
      if (tag.equals("p") && owner.className().equals(storyClass)
          && weight >= MIN_BODY_WEIGHT && segment.linkDensity() < 0.3 && endsLikeASentence(segment.text())
          && !insideNonStory(owner, common, scores) && !insideSummary(owner, common)) {
        earlier.add(0, segment);
      } else {
        passed++;
      }
    }
    return earlier;
  }

  /** Inside a standfirst or summary: it sums the story up rather than opening it. */
  private static boolean insideSummary(Element owner, Element root) {
    for (Element e = owner; e != null && e != root; e = e.parent()) {
      String names = e.className() + " " + e.id();
      if (names.length() > 1 && SUMMARY_CLASS.matches(names)) {
        return true;
      }
    }
    return false;
  }

  /** A line that carries a date and little else: {@code Published November 20th, 2019 - 07:29 GMT}. */
  private boolean isDateLine(String text) {
    return text.length() < 160 && !endsLikeASentence(text) && dates.find(text).isPresent();
  }

  private static boolean endsLikeASentence(String text) {
    char last = text.charAt(text.length() - 1);
    return ".!?…\"”’".indexOf(last) >= 0 && PlainText.words(text) >= 3;
  }

  private static Element rootOf(Element owner, Set<Element> roots) {
    for (Element e = owner; e != null; e = e.parent()) {
      if (roots.contains(e)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Inside a heading, a figure, navigation, or a small element whose class marks it as a caption,
   * byline or box. A class alone does not condemn a large element: story containers carry names
   * like {@code node-promoted author-jane}.
   */
  private boolean insideNonStory(Element owner, Element root, Map<Element, double[]> scores) {
    double rootLength = scores.get(root)[1];
    for (Element e = owner; e != null && e != root; e = e.parent()) {
      if (NOT_STORY.contains(e.normalName())) {
        return true;
      }
      String names = e.className() + " " + e.id();
      if (names.length() > 1 && noiseClasses.computeIfAbsent(names,
          n -> NOISE_CLASS.matches(n) && !POSITIVE_STORY.matches(n))) {
        double length = scores.get(e)[1];
        if (length < Math.max(300, rootLength * 0.25)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final ClassNames SUMMARY_CLASS = ClassNames.containing(List.of("standfirst", "sub-head",
      "intro-text", "introtext"), Set.of("dek", "deck", "subtitle", "subhead", "subheadline", "summary",
      "excerpt", "strapline", "kicker", "description"));
  private static final ClassNames POSITIVE_STORY = ClassNames.containing(List.of("articlebody",
      "article-body", "storybody", "story-body", "postbody", "post-body", "entry-content", "entrycontent",
      "article-content", "articlecontent", "story-content", "storycontent", "post-content", "postcontent"),
      Set.of());
}
