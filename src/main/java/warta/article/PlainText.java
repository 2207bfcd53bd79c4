package warta.article;

/** Whitespace and length rules for text taken from pages, scraped files and feeds. */
public final class PlainText {

  private PlainText() {}

  /**
   * Collapses every run of whitespace (including no-break and zero-width spaces) to one space,
   * drops other control characters (a stray backspace or escape), and trims.
   */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
        continue; // invisible: zero-width characters, byte order mark, soft hyphen
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (Character.isISOControl(c)) {
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The length of a text in Latin-letter equivalents: a Chinese, Japanese, Korean or Thai
   * character carries about as much as three Latin letters, so thresholds work across scripts.
   */
  static int weight(String text) {
    int weight = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      weight += (c >= 0x0E00 && c <= 0x0E7F) || (c >= 0x3040 && c <= 0x9FFF)
          || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ? 3 : 1;
    }
    return weight;
  }

  /** Number of white-space separated words. */
  static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** Number of commas, Latin and CJK: a sign of running prose. */
  static int commas(String text) {
    int commas = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        commas++;
      }
    }
    return commas;
  }
}
