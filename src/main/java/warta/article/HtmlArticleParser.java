package warta.article;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Parses a saved HTML page from any news site: the page's own metadata first (JSON-LD,
 * OpenGraph, microdata, {@code <time>}), then its visible headline, and the story text found by
 * {@link LeadFinder}.
 */
final class HtmlArticleParser {

  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·•»:]{1,2}\\s+|\\s*\\|\\s*");
  private static final Pattern DATE_CLASS = Pattern.compile("(?i)date|time|publish|posted|byline|meta|dateline");
  private static final Pattern LANGUAGE = Pattern.compile("(?i)^([a-z]{2})(?:[-_][a-z0-9]+)*$");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int MAX_HEADLINE_LENGTH = 400;

  private final DateReader dates;
  private final LanguageGuesser languages;

  HtmlArticleParser(DateReader dates, LanguageGuesser languages) {
    this.dates = dates;
    this.languages = languages;
  }

  ParseOutcome parse(String id, Path file, String html) {
    Document page = Jsoup.parse(html);
    PageMetadata meta = PageMetadata.of(page);
    String url = firstAbsoluteUrl(meta.urls);
    String source = source(meta, url);
    String headline = headline(page, meta, source, url);
    Optional<Published> published = published(page, meta, url);
    LeadFinder.Content content = new LeadFinder(dates).find(page, headline);
    if (headline.isEmpty() && content.paragraphs().isEmpty()) {
      return new ParseOutcome.Rejected(file, "no article: the page has no headline and no story text"
          + skippedNote(content.skipped()));
    }
    String language = language(meta, headline, content.paragraphs());
    String section = meta.sections.isEmpty() ? "" : meta.sections.get(0);
    return new ParseOutcome.Parsed(new Article(id, file, headline, published, content.lead(), source, url,
        language, section, List.of(), content.paragraphs()));
  }

  static String skippedNote(Map<Noise, Integer> skipped) {
    if (skipped.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    skipped.forEach((noise, count) -> parts.add(count + " " + noise.label()));
    return " (skipped " + String.join(", ", parts) + ")";
  }

  /**
   * The headline as the page shows it: the {@code <h1>} that agrees with the titles the page
   * declares (without a kicker such as {@code Opinion} or {@code Klimaschutz} set apart in its own
   * element), else the most trusted declared title without the site's name.
   */
  private String headline(Document page, PageMetadata meta, String source, String url) {
    List<String> declared = new ArrayList<>();
    for (String title : meta.headlines.keySet()) {
      declared.add(withoutSiteName(title, source, url));
    }
    if (!meta.title.isEmpty()) {
      declared.add(withoutSiteName(meta.title, source, url));
    }
    String bestH1 = "";
    double bestSimilarity = 0;
    List<String> h1s = new ArrayList<>();
    for (Element h1 : page.select("h1")) {
      String text = withoutKicker(h1);
      if (text.isEmpty() || text.length() > MAX_HEADLINE_LENGTH) {
        continue;
      }
      h1s.add(text);
      for (String title : declared) {
        double similarity = similarity(text, title);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          bestH1 = text;
        }
      }
    }
    if (bestSimilarity >= 0.5) {
      return bestH1;
    }
    for (String title : declared) {
      if (!title.isEmpty() && title.length() <= MAX_HEADLINE_LENGTH) {
        return completed(title, declared);
      }
    }
    return h1s.isEmpty() ? "" : h1s.get(0);
  }

  /**
   * An {@code <h1>}'s text without a kicker: when the heading is made of elements of which one
   * holds the headline and the others only a few words (a section label, a separator, the site's
   * name), the headline element alone.
   */
  private static String withoutKicker(Element h1) {
    String whole = PlainText.normalize(h1.text());
    if (h1.childrenSize() < 2 || !PlainText.normalize(h1.ownText()).isEmpty()) {
      return whole;
    }
    String longest = "";
    int longestWords = 0;
    int others = 0;
    for (Element child : h1.children()) {
      String text = PlainText.normalize(child.text());
      int words = PlainText.words(text);
      if (words > longestWords) {
        if (longestWords > 4) {
          return whole;
        }
        longest = text;
        longestWords = words;
      } else if (words > 4) {
        return whole;
      }
      others += text.isEmpty() ? 0 : 1;
    }
    return others >= 2 && longestWords >= 3 ? longest : whole;
  }

  /** A declared title cut short (a quote broke its attribute) completed by a longer declared one. */
  private static String completed(String title, List<String> declared) {
    for (String other : declared) {
      if (other.length() > title.length() && other.startsWith(title)
          && !TITLE_SEPARATOR.matcher(other.substring(title.length())).lookingAt()) {
        return other;
      }
    }
    return title;
  }

  /** A title without the site's name before or after it: {@code Headline | Site}. */
  static String withoutSiteName(String title, String source, String url) {
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    Set<String> siteKeys = new HashSet<>();
    siteKeys.add(key(source));
    host(url).ifPresent(h -> {
      siteKeys.add(key(h));
      siteKeys.add(key(h.replaceFirst("\\.[^.]+$", "")));
    });
    siteKeys.remove("");
    int from = 0;
    int to = parts.length;
    while (to - from > 1 && isSiteName(parts[to - 1], siteKeys)) {
      to--;
    }
    while (to - from > 1 && isSiteName(parts[from], siteKeys)) {
      from++;
    }
    if (from == 0 && to == parts.length) {
      return title;
    }
    // Cut the original at the kept parts' ends so separators inside the headline survive.
    int start = title.indexOf(parts[from]);
    int end = title.lastIndexOf(parts[to - 1]) + parts[to - 1].length();
    return start >= 0 && end > start ? title.substring(start, end).strip() : title;
  }

  private static boolean isSiteName(String part, Set<String> siteKeys) {
    String k = key(part);
    if (k.isEmpty()) {
      return true;
    }
    for (String site : siteKeys) {
      if (k.equals(site) || k.length() >= 3 && (site.contains(k) || k.contains(site) && k.length() < site.length() + 12)) {
        return true;
      }
    }
    return false;
  }

  private static String key(String text) {
    String letters = NOT_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    return letters.startsWith("www") ? letters.substring(3) : letters;
  }

  /** Token overlap of two titles, from 0 to 1. */
  private static double similarity(String a, String b) {
    List<String> x = words(a);
    List<String> y = words(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> ySet = new HashSet<>(y);
    long common = x.stream().filter(ySet::contains).count();
    double precision = (double) common / x.size();
    double recall = (double) common / y.size();
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : NOT_LETTER_OR_DIGIT.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * The first date the page declares, in order of trust, then a date shown on the page, then one
   * in the URL. A UTC time is told in the page's own offset when the page gives one (another
   * declared date, or the date it shows its readers), so that the calendar day is the one the
   * page's readers see.
   */
  private Optional<Published> published(Document page, PageMetadata meta, String url) {
    List<Published> declared = new ArrayList<>();
    for (String raw : meta.dates) {
      dates.parse(raw).ifPresent(declared::add);
    }
    for (Element time : page.select("time[datetime]")) {
      dates.parse(time.attr("datetime")).ifPresent(declared::add);
    }
    if (!declared.isEmpty()) {
      Published first = inLocalOffset(declared.get(0), declared);
      return Optional.of(isUtc(first) ? shownDate(page).map(shown -> asShown(first, shown)).orElse(first) : first);
    }
    return shownDate(page).or(() -> dates.fromUrl(url).map(Published::on));
  }

  /** The first date in an element whose class or id speaks of dates, times or bylines. */
  private Optional<Published> shownDate(Document page) {
    int looked = 0;
    for (Element e : page.body().getAllElements()) {
      String names = e.className() + " " + e.id();
      if (names.length() > 1 && DATE_CLASS.matcher(names).find()) {
        String text = boundedText(e, 300);
        if (!text.isBlank()) {
          Optional<Published> date = dates.find(text);
          if (date.isPresent()) {
            return date;
          }
        }
        if (++looked >= 40) {
          break;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isUtc(Published published) {
    return published.offset().filter(o -> o.getTotalSeconds() == 0).isPresent();
  }

  /**
   * A UTC publication time as the page shows it: the same moment in the shown offset; or, when
   * the page shows a local time without offset, in the offset that makes the two agree.
   */
  private static Published asShown(Published utc, Published shown) {
    OffsetDateTime moment = utc.dateTime().orElseThrow();
    if (shown.dateTime().isPresent()) {
      long apart = Math.abs(shown.dateTime().get().toEpochSecond() - moment.toEpochSecond());
      return apart <= 120 ? shown : utc;
    }
    if (shown.time().isPresent()) {
      long seconds = Duration.between(moment.toLocalDateTime(), LocalDateTime.of(shown.date(), shown.time().get()))
          .getSeconds();
      long quarterHours = Math.round(seconds / 900.0);
      if (Math.abs(seconds - quarterHours * 900) <= 120 && Math.abs(quarterHours) <= 14 * 4 && quarterHours != 0) {
        return Published.at(moment.withOffsetSameInstant(ZoneOffset.ofTotalSeconds((int) quarterHours * 900)));
      }
      return utc;
    }
    return utc; // a date alone cannot say whether it is the same moment
  }

  private static Published inLocalOffset(Published first, List<Published> all) {
    if (!isUtc(first)) {
      return first;
    }
    var instant = first.dateTime().orElseThrow().toInstant();
    for (Published other : all) {
      boolean local = other.offset().filter(o -> o.getTotalSeconds() != 0).isPresent();
      if (local && Math.abs(other.dateTime().orElseThrow().toInstant().getEpochSecond()
          - instant.getEpochSecond()) <= 120) {
        return other;
      }
    }
    return first;
  }

  /** An element's text, or "" when it is longer than {@code max}: computed without reading all of a large element. */
  private static String boundedText(Element element, int max) {
    StringBuilder text = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          text.append(t.getWholeText()).append(' ');
        }
        return text.length() > max * 2 ? FilterResult.STOP : FilterResult.CONTINUE;
      }
    }, element);
    String normalized = PlainText.normalize(text.toString());
    return normalized.length() > max ? "" : normalized;
  }

  private String language(PageMetadata meta, String headline, List<String> paragraphs) {
    for (String declared : meta.languages) {
      var m = LANGUAGE.matcher(declared.strip());
      if (m.matches()) {
        return m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    StringBuilder sample = new StringBuilder(headline);
    for (String paragraph : paragraphs) {
      if (sample.length() > 2000) {
        break;
      }
      sample.append('\n').append(paragraph);
    }
    return languages.guess(sample.toString());
  }

  private static String source(PageMetadata meta, String url) {
    for (String name : meta.siteNames) {
      if (!name.isBlank() && name.length() <= 80) {
        return name;
      }
    }
    return host(url).orElse("");
  }

  static Optional<String> host(String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      String host = URI.create(url.strip().replace(" ", "%20")).getHost();
      return host == null ? Optional.empty()
          : Optional.of(host.toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", ""));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String firstAbsoluteUrl(List<String> urls) {
    for (String url : urls) {
      String u = url.strip();
      if (u.startsWith("http://") || u.startsWith("https://")) {
        return u;
      }
    }
    return "";
  }
}
