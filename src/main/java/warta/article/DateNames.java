package warta.article;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Month and weekday names in the languages news pages are written in, read once from the JDK's
 * locale data plus the spellings it lacks.
 */
final class DateNames {

  /**
   * Earlier languages win when one word names two months. Croatian is left out on purpose: its
   * {@code listopad} is October, the Czech and Polish one November.
   */
  private static final List<Locale> LOCALES = List.of("en", "id", "ms", "de", "fr", "es", "pt",
      "it", "nl", "sv", "da", "nb", "pl", "cs", "sk", "tr", "ro", "hu", "fi", "ru", "uk", "el")
      .stream().map(Locale::forLanguageTag).toList();

  private static final TextStyle[] STYLES = {TextStyle.FULL, TextStyle.FULL_STANDALONE,
      TextStyle.SHORT, TextStyle.SHORT_STANDALONE};

  /** Spellings the JDK's locale data lacks: old Indonesian, Austrian, other short forms. */
  private static final Map<Month, List<String>> EXTRA_MONTHS = Map.of(
      Month.JANUARY, List.of("jänner", "jän"),
      Month.FEBRUARY, List.of("pebruari", "peb", "fév", "фев"),
      Month.MARCH, List.of("mrz"),
      Month.AUGUST, List.of("agt", "ags", "agus", "agst"),
      Month.SEPTEMBER, List.of("setiembre", "сен"),
      Month.NOVEMBER, List.of("nop", "nopember", "ноя"));

  private static final Map<String, Month> MONTHS = months();
  private static final Set<String> WEEKDAYS = weekdays();

  /** Alternation of every folded weekday name, longest first, for a case-insensitive pattern. */
  static final String WEEKDAY_REGEX = alternation(WEEKDAYS);

  private DateNames() {}

  /** The month a name or abbreviation means, in any case, with or without accents or a dot. */
  static Optional<Month> month(String name) {
    return Optional.ofNullable(MONTHS.get(key(name)));
  }

  private static Map<String, Month> months() {
    Map<String, Month> months = new LinkedHashMap<>();
    for (Locale locale : LOCALES) {
      for (Month month : Month.values()) {
        for (TextStyle style : STYLES) {
          months.putIfAbsent(key(month.getDisplayName(style, locale)), month);
        }
      }
    }
    EXTRA_MONTHS.forEach((month, names) -> names.forEach(n -> months.putIfAbsent(key(n), month)));
    return Map.copyOf(months);
  }

  private static Set<String> weekdays() {
    Set<String> weekdays = new LinkedHashSet<>();
    for (Locale locale : LOCALES) {
      for (DayOfWeek day : DayOfWeek.values()) {
        weekdays.add(key(day.getDisplayName(TextStyle.FULL, locale)));
        weekdays.add(key(day.getDisplayName(TextStyle.SHORT, locale)));
      }
    }
    weekdays.add("jum'at");
    weekdays.add("thur");
    weekdays.add("thurs");
    weekdays.add("tues");
    return Set.copyOf(weekdays);
  }

  /**
   * The text with accents taken off Latin, Greek and Cyrillic letters, one character for one, so
   * that positions in it are positions in the text: {@code février} becomes {@code fevrier}. The
   * Turkish dotless i becomes i so that {@code MAYIS} and {@code Mayıs} meet.
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      folded.append(foldChar(text.charAt(i)));
    }
    return folded.toString();
  }

  private static char foldChar(char c) {
    if (c < 0x80) {
      return c;
    }
    if (c == 'ı') {
      return 'i';
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.GREEK
        && script != Character.UnicodeScript.CYRILLIC) {
      return c;
    }
    return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
  }

  /** Folded, lower case, without a final dot. */
  static String key(String name) {
    String key = fold(name.strip()).toLowerCase(Locale.ROOT);
    return key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
  }

  private static String alternation(Set<String> keys) {
    return keys.stream()
        .filter(k -> !k.isEmpty())
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(k -> k))
        .map(Pattern::quote)
        .collect(Collectors.joining("|", "(?:", ")"));
  }
}
