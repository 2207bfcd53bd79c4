package warta.article;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a scraped plain-text article: a header of date line, section label and headline, then
 * one paragraph per line mixed with the page's leftovers (media placeholders and their captions,
 * teasers, credit lines) and a related-news trailer.
 */
final class TextArticleParser {

  private static final int HEADER_UNITS = 8;
  private static final int MAX_HEADLINE_LENGTH = 300;
  private static final Pattern TRAILER = Pattern.compile("(?i)(?:berita terkait|artikel terkait|"
      + "berita lainnya|related news|related articles|related stories|more stories|more from|"
      + "tags?|topik|topics)\\b.{0,40}");
  private static final Pattern URL_LINE = Pattern.compile("(?i)(?:url\\s*:\\s*)?(https?://\\S+)");
  private static final Pattern NOT_IN_LABELS = Pattern.compile("[.!?,:;\\d]");
  private static final Pattern END_MARK = Pattern.compile("\\s*\\*{2,}\\s*$");

  private final DateReader dates;
  private final LanguageGuesser languages;

  TextArticleParser(DateReader dates, LanguageGuesser languages) {
    this.dates = dates;
    this.languages = languages;
  }

  ParseOutcome parse(String id, Path file, String text) {
    List<String> units = units(text);
    Optional<Published> published = Optional.empty();
    String section = "";
    String headline = "";
    String url = "";
    int next = 0;
    for (; next < Math.min(units.size(), HEADER_UNITS) && headline.isEmpty(); next++) {
      String unit = units.get(next);
      var link = URL_LINE.matcher(unit);
      if (link.matches()) {
        url = url.isEmpty() ? link.group(1) : url;
      } else if (unit.length() <= 80 && published.isEmpty() && dates.parse(unit).isPresent()) {
        published = dates.parse(unit);
      } else if (Noise.of(unit).isPresent()) {
        continue;
      } else if (isLabel(unit)) {
        section = section.isEmpty() ? unit : section;
      } else if (unit.length() <= MAX_HEADLINE_LENGTH && (PlainText.words(unit) >= 3 || PlainText.weight(unit) >= 15)) {
        headline = unit;
      } else {
        break; // a paragraph before any headline: the file has no header
      }
    }
    if (headline.isEmpty()) {
      next = 0;
    }

    List<String> paragraphs = new ArrayList<>();
    Map<Noise, Integer> skipped = new EnumMap<>(Noise.class);
    boolean afterPlaceholder = false;
    for (int i = next; i < units.size(); i++) {
      String unit = units.get(i);
      if (TRAILER.matcher(unit).matches()) {
        break;
      }
      Optional<Noise> noise = Noise.of(unit);
      if (noise.isEmpty() && afterPlaceholder && Dateline.strip(unit).equals(unit)) {
        noise = Optional.of(Noise.CAPTION); // the line under a photo placeholder is its caption
      }
      afterPlaceholder = noise.filter(n -> n == Noise.PLACEHOLDER).isPresent();
      if (noise.isPresent()) {
        skipped.merge(noise.get(), 1, Integer::sum);
        continue;
      }
      if (unit.length() <= 80 && dates.parse(unit).isPresent()) {
        published = published.isEmpty() ? dates.parse(unit) : published;
        continue;
      }
      int weight = PlainText.weight(unit);
      if (weight < 20 || paragraphs.isEmpty() && weight < 40) {
        continue;
      }
      paragraphs.add(END_MARK.matcher(unit).replaceFirst(""));
    }
    if (headline.isEmpty() && paragraphs.isEmpty()) {
      return new ParseOutcome.Rejected(file, "no article: no headline and no story text"
          + HtmlArticleParser.skippedNote(skipped));
    }
    String lead = "";
    String source = "";
    if (!paragraphs.isEmpty()) {
      String first = paragraphs.get(0);
      source = Dateline.site(first).orElse("");
      lead = Dateline.strip(first);
      paragraphs.set(0, lead);
    }
    if (source.isEmpty()) {
      source = HtmlArticleParser.host(url).orElse("");
    }
    String language = languages.guess(headline + "\n" + String.join("\n", paragraphs.subList(0,
        Math.min(paragraphs.size(), 8))));
    return new ParseOutcome.Parsed(new Article(id, file, headline, published, lead, source, url, language,
        section, List.of(), paragraphs));
  }

  /** Non-blank lines, whitespace-normalised; hard-wrapped lines of one paragraph joined again. */
  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    String previousRaw = "";
    for (String raw : text.split("\\R")) {
      String line = PlainText.normalize(raw);
      if (line.isEmpty()) {
        previousRaw = "";
        continue;
      }
      if (!units.isEmpty() && continues(previousRaw, line)) {
        units.set(units.size() - 1, units.get(units.size() - 1) + " " + line);
      } else {
        units.add(line);
      }
      previousRaw = line;
    }
    return units;
  }

  /** A long line cut mid-sentence, followed by one starting in lower case, is one paragraph. */
  private static boolean continues(String previous, String line) {
    if (previous.length() < 60 || ".!?:\"”’)".indexOf(previous.charAt(previous.length() - 1)) >= 0) {
      return false;
    }
    return Character.isLowerCase(line.codePointAt(0));
  }

  /** A section label: a few words, no sentence punctuation, no digits ({@code Internasional}). */
  private static boolean isLabel(String unit) {
    return unit.length() <= 40 && PlainText.words(unit) <= 4 && !NOT_IN_LABELS.matcher(unit).find();
  }

}
