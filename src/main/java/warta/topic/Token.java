package warta.topic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One word of a text as written and folded (lower case, accents removed): the unit names are matched on. */
record Token(String written, String folded) {

  /**
   * Words are runs of letters, digits and combining marks; anything else separates them, so
   * {@code U.S.} is {@code U}, {@code S} and {@code southeast-asia} is {@code southeast}, {@code asia}.
   */
  static List<Token> split(String text) {
    List<Token> tokens = new ArrayList<>(text.length() / 5 + 1);
    int length = text.length();
    int start = -1;
    boolean ascii = true;
    // One pass over chars: ASCII letters and digits decided inline, the rest by Unicode category;
    // a surrogate pair belongs to a word when the code point it forms does.
    for (int i = 0; i <= length; i++) {
      boolean part;
      if (i == length) {
        part = false;
      } else {
        char c = text.charAt(i);
        if (c < 128) {
          part = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        } else {
          part = Character.isHighSurrogate(c) ? isWordPart(text.codePointAt(i))
              : Character.isLowSurrogate(c) ? start >= 0 : isWordPart(c);
          ascii &= !part;
        }
      }
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        String written = text.substring(start, i);
        tokens.add(new Token(written, ascii ? written.toLowerCase(Locale.ROOT) : fold(written)));
        start = -1;
        ascii = true;
      }
    }
    return tokens;
  }

  /** The lookup key of a name a reader typed or a data file holds: folded words joined by one space. */
  static String key(String name) {
    return split(name).stream().map(Token::folded).collect(Collectors.joining(" "));
  }

  /** True when the words are written in capitals only, as some sites write headlines. */
  static boolean shouted(List<Token> tokens) {
    int upper = 0;
    int lower = 0;
    for (Token token : tokens) {
      String written = token.written();
      for (int i = 0; i < written.length(); i++) {
        char c = written.charAt(i);
        if (Character.isUpperCase(c)) {
          upper++;
        } else if (Character.isLowerCase(c)) {
          lower++;
        }
      }
    }
    // a stray lower-case letter ("McDONALD", "iPHONE") does not make a headline ordinary text
    return upper >= 4 && lower * 10 <= upper;
  }

  boolean startsCapitalized() {
    return !Character.isLowerCase(written.codePointAt(0));
  }

  private static String fold(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
          && type != Character.ENCLOSING_MARK) {
        folded.append(c == 'ı' ? 'i' : c);
      }
    }
    return folded.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isWordPart(int c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
