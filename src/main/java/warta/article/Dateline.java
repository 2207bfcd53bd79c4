package warta.article;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place-and-source prefix a news story opens with: {@code WASHINGTON (Reuters) - },
 * {@code JAKARTA, KOMPAS.com - }, {@code SITE.COM - }, {@code NEW DELHI: }.
 */
final class Dateline {

  private static final String DOMAIN = "[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.(?:com|co|id|net|org|tv|news|info|my|sg|uk|au|in|ph)";
  private static final String AGENCY = "\\([\\p{L}\\p{N} .&'’/\\-]{2,30}\\)";
  private static final String CAPS_PLACE = "\\p{Lu}[\\p{Lu}\\p{M}.'’\\-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’\\-]+){0,3}";
  private static final String TITLE_PLACE = "\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2}";
  private static final Pattern PREFIX = Pattern.compile(
      "^(?:"
          // WASHINGTON (Reuters) - / SEOUL, South Korea — / JAKARTA, KOMPAS.com - / NEW DELHI:
          + CAPS_PLACE + "(?:,\\s*\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}[\\p{L}.'’\\-]*){0,2})?"
          + "(?:\\s*" + AGENCY + ")?(?:,\\s*" + DOMAIN + ")?"
          + "\\s*(?:--|[\\-–—:])"
          // SITE.COM - / Jakarta (ANTARA) - / Jakarta, Kompas.com -
          + "|(?:" + DOMAIN + "|" + TITLE_PLACE + "\\s*" + AGENCY + "|" + TITLE_PLACE + ",\\s*" + DOMAIN + ")"
          + "\\s*(?:--|[\\-–—])"
          + ")\\s+(?=[\\p{Lu}\\p{N}\"“‘'(«])");
  private static final Pattern SITE = Pattern.compile(DOMAIN, Pattern.CASE_INSENSITIVE);

  private Dateline() {}

  /** The paragraph without its dateline prefix; unchanged when it has none. */
  static String strip(String paragraph) {
    Matcher m = PREFIX.matcher(paragraph);
    if (m.lookingAt() && m.end() <= 70 && m.end() < paragraph.length() - 20) {
      return paragraph.substring(m.end());
    }
    return paragraph;
  }

  /** The site named in a paragraph's dateline, lower case ({@code orbitindonesia.com}), if any. */
  static Optional<String> site(String paragraph) {
    Matcher m = PREFIX.matcher(paragraph);
    if (!m.lookingAt() || m.end() > 70) {
      return Optional.empty();
    }
    Matcher site = SITE.matcher(paragraph.substring(0, m.end()));
    return site.find() ? Optional.of(site.group().toLowerCase(Locale.ROOT)) : Optional.empty();
  }
}
