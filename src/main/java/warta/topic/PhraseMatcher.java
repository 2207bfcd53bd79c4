package warta.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Finds every phrase in a text in one pass over its words, the longest phrase first at each word. */
final class PhraseMatcher {

  /** Shortest stem a word is looked up by; shorter stems would match too much. */
  static final int MIN_STEM = 4;

  private static final Comparator<Phrase> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt(Phrase::size).reversed()
          .thenComparing(phrase -> phrase.languages().isEmpty())
          .thenComparing(phrase -> phrase.casing() != Phrase.Casing.EXACT);

  private static final Comparator<Phrase> LONGEST_STEM_FIRST =
      Comparator.comparingInt((Phrase phrase) -> phrase.folded().get(0).length()).reversed();

  private final Map<String, Phrase[]> byFirstWord;
  private final Map<String, Phrase[]> stemsByStart; // by their first MIN_STEM letters, longest first
  private final boolean[] stemPairs = new boolean[128 * 128]; // first two letters of a stem, folded to 7 bits

  PhraseMatcher(List<Phrase> phrases) {
    Map<String, List<Phrase>> whole = new HashMap<>();
    Map<String, List<Phrase>> stems = new HashMap<>();
    for (Phrase phrase : phrases) {
      if (phrase.stem() && phrase.size() == 1) {
        String stem = phrase.folded().get(0);
        if (stem.length() < MIN_STEM) {
          throw new IllegalArgumentException("stem " + stem + " is shorter than " + MIN_STEM);
        }
        stems.computeIfAbsent(stem.substring(0, MIN_STEM), s -> new ArrayList<>()).add(phrase);
        stemPairs[pair(stem)] = true;
      } else {
        whole.computeIfAbsent(phrase.folded().get(0), w -> new ArrayList<>()).add(phrase);
      }
    }
    this.byFirstWord = sorted(whole, MOST_SPECIFIC_FIRST);
    this.stemsByStart = sorted(stems, LONGEST_STEM_FIRST);
  }

  /**
   * Hands each phrase found to {@code found}, skipping over the words it covers. At each word the
   * longest phrases win; all phrases of that length count (Wall Street is a place and an economy
   * keyword), except blocked ones, which only hide the shorter names inside them.
   *
   * @param language ISO 639-1 code of the text, {@code ""} when unknown
   */
  void scan(List<Token> tokens, String language, Consumer<Phrase> found) {
    Boolean shouted = null; // counted only when an exact-case short form matches: most parts have none
    int at = 0;
    while (at < tokens.size()) {
      int size = 0;
      Phrase[] candidates = byFirstWord.get(tokens.get(at).folded());
      for (int i = 0; candidates != null && i < candidates.length; i++) {
        Phrase candidate = candidates[i];
        if (size > 0 && candidate.size() < size) {
          break;
        }
        if (!candidate.matches(tokens, at, language)) {
          continue;
        }
        if (candidate.casing() == Phrase.Casing.EXACT) {
          shouted = shouted == null ? Token.shouted(tokens) : shouted;
          if (shouted) {
            continue;
          }
        }
        size = candidate.size();
        if (!candidate.blocks()) {
          found.accept(candidate);
        }
      }
      if (size == 0) {
        Phrase stemmed = stemAt(tokens.get(at).folded(), tokens, at, language);
        if (stemmed != null) {
          size = 1;
          if (!stemmed.blocks()) {
            found.accept(stemmed);
          }
        }
      }
      at += Math.max(size, 1);
    }
  }

  private Phrase stemAt(String word, List<Token> tokens, int at, String language) {
    if (word.length() < MIN_STEM || !stemPairs[pair(word)]) {
      return null;
    }
    Phrase[] stems = stemsByStart.get(word.substring(0, MIN_STEM));
    for (int i = 0; stems != null && i < stems.length; i++) {
      if (stems[i].matches(tokens, at, language)) {
        return stems[i];
      }
    }
    return null;
  }

  private static int pair(String word) {
    return (word.charAt(0) & 127) << 7 | word.charAt(1) & 127;
  }

  private static Map<String, Phrase[]> sorted(Map<String, List<Phrase>> grouped, Comparator<Phrase> order) {
    Map<String, Phrase[]> result = new HashMap<>();
    grouped.forEach((word, phrases) -> {
      phrases.sort(order);
      result.put(word, phrases.toArray(Phrase[]::new));
    });
    return result;
  }
}
