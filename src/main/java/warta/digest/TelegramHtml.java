package warta.digest;

/** Text for Telegram's HTML parse mode: every character it would read as markup escaped. */
public final class TelegramHtml {

  private TelegramHtml() {}

  /** Escapes {@code & < > "}: the only named entities Telegram accepts are these four. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A link whose text and address are both escaped; only http and https addresses make a link. */
  public static String link(String url, String text) {
    if (!(url.startsWith("https://") || url.startsWith("http://"))) {
      return escape(text);
    }
    return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
  }

  /** The visible text of our own HTML (tags dropped, entities read), for the console and for plain-text fallbacks. */
  public static String toPlainText(String html) {
    return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
