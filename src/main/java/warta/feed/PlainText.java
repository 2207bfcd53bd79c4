package warta.feed;

import org.jsoup.Jsoup;

/** Feed text as plain text: markup taken out, entities resolved, white space collapsed. */
final class PlainText {

  private PlainText() {}

  /** White space collapsed, invisible and control characters dropped, trimmed: as for articles. */
  static String normalize(String text) {
    return warta.article.PlainText.normalize(text);
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
