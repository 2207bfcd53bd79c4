package warta.i18n;

import java.util.Locale;
import java.util.Optional;

/** A language Warta answers in. */
public enum Language {
  EN("en", Locale.ENGLISH),
  ID("id", Locale.forLanguageTag("id"));

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** ISO 639-1: {@code en}, {@code id}. */
  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The language of a code as typed by a reader ({@code id}, {@code EN}, {@code indonesia}), if we speak it. */
  public static Optional<Language> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "id", "ind", "indonesia", "indonesian", "bahasa", "bahasa indonesia" -> Optional.of(ID);
      case "en", "eng", "english", "inggris", "bahasa inggris" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /**
   * The language for a Telegram user's {@code language_code} (an IETF tag such as {@code id},
   * {@code en-US}); Indonesian and Malay speakers get Indonesian, everyone else English.
   */
  public static Language ofUser(String languageCode) {
    if (languageCode == null || languageCode.isBlank()) {
      return EN;
    }
    String primary = languageCode.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return primary.equals("id") || primary.equals("ms") || primary.equals("jv") || primary.equals("su") ? ID : EN;
  }
}
