package warta.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's HTML parse mode as its documentation states it: reads markup into the text a reader sees, or says
 * where the markup breaks a rule, in the words Telegram uses after "can't parse entities: ".
 */
final class TelegramHtml {

  /** What reading one text gave. */
  sealed interface Reading {}

  /** The text left once tags are dropped and entities decoded. */
  record Parsed(String text) implements Reading {}

  /** Why Telegram refuses the markup, e.g. {@code Unsupported start tag "p" at byte offset 0}. */
  record Refused(String reason) implements Reading {}

  private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
      "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji");
  private static final Map<String, String> NAMED_ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");
  /** Longer than any entity Telegram knows ("&#x10FFFF;"): the search for ';' stops there. */
  private static final int LONGEST_ENTITY = 12;

  private TelegramHtml() {}

  static Reading read(String html) {
    return new Reader(html).read();
  }

  /** One pass over one text; keeps the tags still open. */
  private static final class Reader {
    private final String html;
    private final StringBuilder text = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private int at;

    Reader(String html) {
      this.html = html;
    }

    Reading read() {
      while (at < html.length()) {
        char c = html.charAt(at);
        String problem = switch (c) {
          case '&' -> entity();
          case '<' -> at + 1 < html.length() && html.charAt(at + 1) == '/' ? endTag() : startTag();
          case '>' -> "Character \">\" must be escaped as \"&gt;\" at byte offset " + byteOffset(at);
          default -> {
            text.append(c);
            at++;
            yield null;
          }
        };
        if (problem != null) return new Refused(problem);
      }
      if (!open.isEmpty()) return new Refused("Can't find end tag corresponding to start tag " + open.peek());
      return new Parsed(text.toString());
    }

    private String entity() {
      int start = at;
      int semicolon = html.indexOf(';', start);
      if (semicolon < 0 || semicolon - start > LONGEST_ENTITY) {
        return "Character \"&\" must be escaped as \"&amp;\" at byte offset " + byteOffset(start);
      }
      String name = html.substring(start + 1, semicolon);
      String decoded = name.startsWith("#") ? numeric(name.substring(1)) : NAMED_ENTITIES.get(name);
      if (decoded == null) {
        return name.matches("#?[A-Za-z0-9]+")
            ? "Unsupported HTML entity \"&" + name + ";\" at byte offset " + byteOffset(start)
            : "Character \"&\" must be escaped as \"&amp;\" at byte offset " + byteOffset(start);
      }
      text.append(decoded);
      at = semicolon + 1;
      return null;
    }

    /** The character of {@code 38} or {@code x26}, or null when that is no Unicode code point. */
    private static String numeric(String digits) {
      try {
        int codePoint = digits.startsWith("x") || digits.startsWith("X")
            ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
        return codePoint > 0 && Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private String startTag() {
      int start = at;
      int nameEnd = nameEnd(start + 1);
      String name = html.substring(start + 1, nameEnd).toLowerCase(Locale.ROOT);
      if (!TAGS.contains(name)) return "Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(start);
      Map<String, String> attributes = new HashMap<>();
      at = nameEnd;
      while (true) {
        skipSpaces();
        if (at >= html.length()) return "Unclosed start tag at byte offset " + byteOffset(start);
        if (html.charAt(at) == '>') break;
        int attributeEnd = nameEnd(at);
        if (attributeEnd == at) {
          return "Empty attribute name in the tag \"" + name + "\" at byte offset " + byteOffset(start);
        }
        String attribute = html.substring(at, attributeEnd).toLowerCase(Locale.ROOT);
        at = attributeEnd;
        skipSpaces();
        String value = "";
        if (at < html.length() && html.charAt(at) == '=') {
          at++;
          skipSpaces();
          value = attributeValue();
          if (value == null) return "Unclosed start tag at byte offset " + byteOffset(start);
        }
        attributes.put(attribute, value);
      }
      at++;
      if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
        return "Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(start);
      }
      if (name.equals("tg-emoji") && !attributes.getOrDefault("emoji-id", "").matches("\\d+")) {
        return "Tag \"tg-emoji\" must have a numeric attribute \"emoji-id\" at byte offset " + byteOffset(start);
      }
      open.push(name);
      return null;
    }

    /** A quoted or bare value, entities decoded; null when the text ends inside it. */
    private String attributeValue() {
      if (at >= html.length()) return null;
      char quote = html.charAt(at);
      int end;
      if (quote == '"' || quote == '\'') {
        end = html.indexOf(quote, at + 1);
        if (end < 0) return null;
        String value = html.substring(at + 1, end);
        at = end + 1;
        return decodeEntities(value);
      }
      end = at;
      while (end < html.length() && !Character.isWhitespace(html.charAt(end)) && html.charAt(end) != '>') end++;
      String value = html.substring(at, end);
      at = end;
      return decodeEntities(value);
    }

    private static String decodeEntities(String value) {
      var reader = new Reader(value.replace("<", "&lt;").replace(">", "&gt;"));
      return reader.read() instanceof Parsed parsed ? parsed.text() : value;
    }

    private String endTag() {
      int start = at;
      int close = html.indexOf('>', start);
      if (close < 0) return "Unclosed end tag at byte offset " + byteOffset(start);
      String name = html.substring(start + 2, close).strip().toLowerCase(Locale.ROOT);
      if (open.isEmpty()) return "Unexpected end tag at byte offset " + byteOffset(start);
      if (!open.peek().equals(name)) {
        return "Unmatched end tag at byte offset " + byteOffset(start) + ", expected \"</" + open.peek()
            + ">\", found \"</" + name + ">\"";
      }
      open.pop();
      at = close + 1;
      return null;
    }

    private int nameEnd(int from) {
      int end = from;
      while (end < html.length() && isNameChar(html.charAt(end))) end++;
      return end;
    }

    private static boolean isNameChar(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private void skipSpaces() {
      while (at < html.length() && Character.isWhitespace(html.charAt(at))) at++;
    }

    /** Telegram reports positions in UTF-8 bytes. */
    private int byteOffset(int index) {
      return html.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
