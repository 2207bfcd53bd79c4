package warta.topic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A name or keyword as the tagger matches it: its words, the topics it points at (none for a blocked
 * phrase such as {@code New Jersey}) and the conditions under which it counts.
 *
 * @param written the words as the data file writes them, for {@link Casing#EXACT} and capitals
 * @param folded the same words folded, for lookup
 * @param weak counts only beside an unambiguous name of the same topic ({@code Jordan}, {@code Chad})
 * @param languages the text languages it applies to; empty for every language
 * @param stem the last word is a prefix ({@code negotiat} matches {@code negotiations})
 */
record Phrase(List<String> written, List<String> folded, Set<Topic> topics, Casing casing,
              boolean weak, Set<String> languages, boolean stem) {

  /** How the letter case of the text must agree with the phrase. */
  enum Casing {
    /** Any case: keywords such as {@code summit}. */
    ANY,
    /** A name written with a capital needs a capital in the text: {@code China}, never {@code china}. */
    CAPITALIZED,
    /** Exactly as written, and never in text written all in capitals: {@code AS}, {@code U.S.}. */
    EXACT
  }

  Phrase {
    written = List.copyOf(written);
    folded = List.copyOf(folded);
    topics = Set.copyOf(topics);
    requireNonNull(casing, "casing");
    languages = Set.copyOf(languages);
    if (written.isEmpty() || written.size() != folded.size()) {
      throw new IllegalArgumentException("phrase needs words: " + written);
    }
  }

  int size() {
    return folded.size();
  }

  boolean blocks() {
    return topics.isEmpty();
  }

  /**
   * True when the phrase starts at {@code at} in text of the given language; the caller checks
   * that text matched by {@link Casing#EXACT} is not written all in capitals.
   */
  boolean matches(List<Token> tokens, int at, String language) {
    if (at + size() > tokens.size()) {
      return false;
    }
    if (!languages.isEmpty() && !languages.contains(language)) {
      return false;
    }
    int last = size() - 1;
    for (int k = 0; k <= last; k++) {
      Token token = tokens.get(at + k);
      boolean same = stem && k == last
          ? token.folded().startsWith(folded.get(k))
          : token.folded().equals(folded.get(k));
      if (!same || casing == Casing.EXACT && !token.written().equals(written.get(k))) {
        return false;
      }
    }
    return casing != Casing.CAPITALIZED
        || Character.isLowerCase(written.get(0).codePointAt(0))
        || tokens.get(at).startsCapitalized();
  }
}
