package warta.evaluation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The corpus's text comparison rules: normalisation, tokens and token F1. */
final class TextMatch {

  private TextMatch() {}

  /**
   * NFKC, typographic quotes, dashes and the ellipsis folded to ASCII, whitespace collapsed,
   * case folded.
   */
  static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    boolean space = false;
    for (int i = 0; i < nfkc.length(); i++) {
      char c = nfkc.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
        case '\u2026' -> out.append("...");
        default -> out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT).replace("\u00DF", "ss");
  }

  /** Case-folded runs of word characters; each Chinese, Japanese, Korean or Thai character alone. */
  static List<String> tokens(String text) {
    String normalized = normalize(text);
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normalized.length(); ) {
      int cp = normalized.codePointAt(i);
      i += Character.charCount(cp);
      if (isSingleCharacterToken(cp)) {
        flush(word, tokens);
        tokens.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp) || cp == '_'
          || Character.getType(cp) == Character.NON_SPACING_MARK
          || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
        word.appendCodePoint(cp);
      } else {
        flush(word, tokens);
      }
    }
    flush(word, tokens);
    return tokens;
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() > 0) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isSingleCharacterToken(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, HANGUL, THAI -> true;
      default -> false;
    };
  }

  /** Token F1 of a prediction against one truth: 0 when either side has no tokens. */
  static double f1(String predicted, String truth) {
    List<String> p = tokens(predicted);
    List<String> t = tokens(truth);
    if (p.isEmpty() || t.isEmpty()) {
      return 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String token : t) {
      counts.merge(token, 1, Integer::sum);
    }
    int common = 0;
    for (String token : p) {
      Integer left = counts.get(token);
      if (left != null && left > 0) {
        common++;
        counts.put(token, left - 1);
      }
    }
    if (common == 0) {
      return 0;
    }
    double precision = (double) common / p.size();
    double recall = (double) common / t.size();
    return 2 * precision * recall / (precision + recall);
  }

  /** Best token F1 over the accepted truths. */
  static double bestF1(String predicted, List<String> truths) {
    double best = 0;
    for (String truth : truths) {
      best = Math.max(best, f1(predicted, truth));
    }
    return best;
  }

  /** Whether the prediction equals any accepted truth after normalisation. */
  static boolean anyExact(String predicted, List<String> truths) {
    String p = normalize(predicted);
    return !p.isEmpty() && truths.stream().anyMatch(t -> normalize(t).equals(p));
  }
}
