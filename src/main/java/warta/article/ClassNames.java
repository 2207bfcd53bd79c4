package warta.article;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A kind of {@code class} and {@code id} names, told by the words they contain: {@code parts}
 * anywhere ({@code advert} in {@code top-advertising}), {@code words} only whole between
 * {@code -}, {@code _} or spaces ({@code ad} in {@code ad-slot} but not in {@code header}).
 * Faster than a regular expression with many branches, which matters on every element of a page.
 */
final class ClassNames {

  private final List<String> parts;
  private final Set<String> words;
  private final Set<String> prefixes;

  private ClassNames(List<String> parts, Set<String> words, Set<String> prefixes) {
    this.parts = parts;
    this.words = words;
    this.prefixes = prefixes;
  }

  /** Names containing any of {@code parts}, or any of {@code words} as a whole word. */
  static ClassNames containing(List<String> parts, Set<String> words) {
    return new ClassNames(parts, words, Set.of());
  }

  /** Names with a class or id that starts with one of {@code words} ({@code privacy-modal}). */
  static ClassNames startingWith(Set<String> words) {
    return new ClassNames(List.of(), Set.of(), words);
  }

  boolean matches(String names) {
    String lower = names.toLowerCase(Locale.ROOT);
    for (String part : parts) {
      if (lower.contains(part)) {
        return true;
      }
    }
    if (words.isEmpty() && prefixes.isEmpty()) {
      return false;
    }
    int start = 0;
    boolean classStart = true;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean space = c == ' ' || c == '\t' || c == '\n';
      if (space || c == '-' || c == '_') {
        if (i > start) {
          String word = lower.substring(start, i);
          if (words.contains(word) || classStart && prefixes.contains(word)) {
            return true;
          }
        }
        classStart = space;
        start = i + 1;
      }
    }
    return false;
  }
}
