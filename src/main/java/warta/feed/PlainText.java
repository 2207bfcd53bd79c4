package warta.feed;

import org.jsoup.Jsoup;

/** Feed text as plain text: markup taken out, entities resolved, white space collapsed. */
final class PlainText {

  private PlainText() {}

  /**
   * Collapses every run of white space (no-break spaces too) to one space, drops invisible and
   * control characters and trims.
   */
  static String normalize(String text) {
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
        continue; // a stray backspace or escape some feeds carry in titles
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The text an HTML fragment shows; text without {@code <} or {@code &} is only normalised. */
  static String fromHtml(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return normalize(html);
    }
    return normalize(Jsoup.parseBodyFragment(html).body().text());
  }

  /** The text cut at a word to at most limit characters, ending with an ellipsis when cut. */
  static String capped(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    int space = text.lastIndexOf(' ', end);
    if (space > limit / 2) {
      end = space;
    } else if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + "…";
  }
}
