package warta.feed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Language tags as feeds write them ({@code en-us}, {@code id_ID}, {@code ind}) as ISO 639-1 codes. */
final class LanguageCodes {

  /** Codes ISO 639 withdrew that feeds still write; Java's own Locale writes {@code in} for Indonesian. */
  private static final Map<String, String> WITHDRAWN = Map.of("in", "id", "iw", "he", "ji", "yi");
  private static final Set<String> TWO_LETTER = Stream.of(Locale.getISOLanguages())
      .map(code -> WITHDRAWN.getOrDefault(code, code)).collect(Collectors.toUnmodifiableSet());
  private static final Map<String, String> BY_THREE_LETTERS = byThreeLetters();

  private LanguageCodes() {}

  /** The ISO 639-1 code of the tag's language, or {@code ""} when it names none. */
  static String iso639(String tag) {
    String primary = tag.strip();
    int end = 0;
    while (end < primary.length() && Character.isLetter(primary.charAt(end))) {
      end++;
    }
    if (end < primary.length() && primary.charAt(end) != '-' && primary.charAt(end) != '_') {
      return ""; // not a language tag: "English", "en us", "*"
    }
    String code = primary.substring(0, end).toLowerCase(Locale.ROOT);
    code = WITHDRAWN.getOrDefault(code, code);
    if (code.length() == 2) {
      return TWO_LETTER.contains(code) ? code : "";
    }
    return code.length() == 3 ? BY_THREE_LETTERS.getOrDefault(code, "") : "";
  }

  private static Map<String, String> byThreeLetters() {
    Map<String, String> codes = new HashMap<>();
    for (String code : TWO_LETTER) {
      codes.put(Locale.forLanguageTag(code).getISO3Language(), WITHDRAWN.getOrDefault(code, code));
    }
    return Map.copyOf(codes);
  }
}
