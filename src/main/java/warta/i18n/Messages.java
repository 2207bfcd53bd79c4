package warta.i18n;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message texts in each language, from {@code messages_en.properties} and
 * {@code messages_id.properties}: {@code text(ID, "latest.none", topic)}. A key missing in one
 * language falls back to English; a key missing everywhere fails loudly, as a bug.
 */
public final class Messages {

  private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

  public Messages() {
    for (Language language : Language.values()) {
      bundles.put(language, ResourceBundle.getBundle("i18n.messages", language.locale(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
  }

  /** The text for {@code key} in {@code language}, with {@code {0}}, {@code {1}}... replaced by the arguments as given. */
  public String text(Language language, String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundles.get(language).getString(key);
    } catch (MissingResourceException e) {
      pattern = bundles.get(Language.EN).getString(key);
    }
    // Plain {0} {1} substitution: MessageFormat would eat the apostrophes of "don't" and "Here's".
    String text = pattern;
    for (int i = 0; i < arguments.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
    }
    return text;
  }

  /** Whether the key exists in the language's own bundle (for tests that every key is translated). */
  boolean has(Language language, String key) {
    return bundles.get(language).keySet().contains(key);
  }

  ResourceBundle bundle(Language language) {
    return bundles.get(language);
  }
}
