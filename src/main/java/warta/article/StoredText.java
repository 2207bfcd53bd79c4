package warta.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored article's bytes decoded to text, and whether the text is an HTML page or a scraped
 * plain-text article. Decoding honours a byte order mark, then the charset the server named when
 * the page was downloaded, then the page's declared charset, then tries UTF-8 and falls back to
 * windows-1252; it never fails on bytes.
 */
record StoredText(String text, Charset charset, Kind kind) {

  /** What the text holds, told apart by content rather than by file name. */
  enum Kind { HTML, PLAIN_TEXT }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int SNIFF_BYTES = 8192;
  private static final int MARKUP_BYTES = 65536;
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]{2,40})", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING = Pattern.compile(
      "^\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]{2,40})", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_MARKUP = Pattern.compile(
      "<(?:!doctype\\s+html|html|head|body|meta|title|div|p|article|script|link|style|span|a)[\\s>/]",
      Pattern.CASE_INSENSITIVE);

  /**
   * Why bytes are not text, or empty when they are: NUL bytes and other control characters in
   * the first kilobytes mark a binary file (UTF-16 is recognised by its byte order mark first).
   */
  static Optional<String> whyNotText(byte[] bytes) {
    if (ByteOrderMark.of(bytes).map(ByteOrderMark::wide).orElse(false)) {
      return Optional.empty();
    }
    int length = Math.min(bytes.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return Optional.of("binary content (NUL byte at offset " + i + ")");
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        control++;
      }
    }
    if (length > 0 && control * 100 > length) {
      return Optional.of("binary content (" + control + " control bytes in the first " + length + ")");
    }
    return Optional.empty();
  }

  /** Decodes stored bytes; see the class comment for the order of evidence. */
  static StoredText decode(byte[] bytes) {
    return decode(bytes, Optional.empty());
  }

  /**
   * Decodes bytes downloaded with a charset named by the server ({@code Content-Type}): it ranks
   * above the page's own declaration, as in browsers, and like it yields to valid UTF-8 bytes
   * when it names a legacy charset.
   */
  static StoredText decode(byte[] bytes, Optional<Charset> served) {
    Optional<ByteOrderMark> bom = ByteOrderMark.of(bytes);
    if (bom.isPresent()) {
      String text = bom.get().decode(bytes);
      return new StoredText(text, bom.get().charset(), kindOf(text));
    }
    String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    boolean html = HTML_MARKUP.matcher(head).find() || hasMarkup(bytes);
    Optional<Charset> declared = served.isPresent() ? served : html ? declaredCharset(head) : Optional.empty();
    if (declared.isPresent() && (declared.get().equals(StandardCharsets.UTF_8) || !hasMultiByteUtf8(bytes))) {
      String text = new String(bytes, declared.get());
      return new StoredText(text, declared.get(), html ? Kind.HTML : kindOf(text));
    }
    // Undeclared, or declared in a legacy charset over bytes that may really be UTF-8: a page
    // re-saved as UTF-8 keeps its old declaration, and text in a legacy charset is almost never
    // valid UTF-8 by accident.
    Optional<String> utf8 = strictUtf8(bytes);
    if (utf8.isPresent()) {
      String text = utf8.get();
      return new StoredText(text, StandardCharsets.UTF_8, html ? Kind.HTML : kindOf(text));
    }
    Charset charset = declared.orElse(WINDOWS_1252);
    String text = new String(bytes, charset);
    return new StoredText(text, charset, html ? Kind.HTML : kindOf(text));
  }

  private static Kind kindOf(String text) {
    String head = text.length() > MARKUP_BYTES ? text.substring(0, MARKUP_BYTES) : text;
    return HTML_MARKUP.matcher(head).find() ? Kind.HTML : Kind.PLAIN_TEXT;
  }

  /** Markup further in: some saved pages open with many kilobytes of CSS or script before any tag. */
  private static boolean hasMarkup(byte[] bytes) {
    int length = Math.min(bytes.length, MARKUP_BYTES);
    return length > SNIFF_BYTES
        && HTML_MARKUP.matcher(new String(bytes, 0, length, StandardCharsets.ISO_8859_1)).find();
  }

  private static Optional<Charset> declaredCharset(String head) {
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      return charsetNamed(xml.group(1));
    }
    Matcher meta = META_CHARSET.matcher(head);
    while (meta.find()) {
      Optional<Charset> charset = charsetNamed(meta.group(1));
      if (charset.isPresent()) {
        return charset;
      }
    }
    return Optional.empty();
  }

  /** A charset by its web label; labels that browsers read as another charset map to that one. */
  static Optional<Charset> charsetNamed(String label) {
    String name = label.trim().toLowerCase(Locale.ROOT);
    name = switch (name) {
      // The WHATWG encoding standard reads these labels as windows-1252, as browsers do.
      case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819" -> "windows-1252";
      case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312" -> "GB18030";
      case "utf8", "unicode-1-1-utf-8" -> "UTF-8";
      // A page cannot really be UTF-16 without a byte order mark; browsers read it as UTF-8.
      case "utf-16", "utf-16le", "utf-16be" -> "UTF-8";
      default -> name;
    };
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static boolean hasMultiByteUtf8(byte[] bytes) {
    for (byte b : bytes) {
      if ((b & 0xE0) == 0xC0 || (b & 0xF0) == 0xE0 || (b & 0xF8) == 0xF0) {
        return true;
      }
    }
    return false;
  }

  /** The bytes as UTF-8 if they are valid UTF-8, forgiving one sequence cut off at the end of a truncated file. */
  private static Optional<String> strictUtf8(byte[] bytes) {
    int end = bytes.length;
    for (int i = end - 1; i >= Math.max(0, end - 3); i--) {
      int b = bytes[i] & 0xFF;
      if ((b & 0xC0) != 0x80) { // the last lead byte: drop its sequence if it is incomplete
        int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (i + needed > end) {
          end = i;
        }
        break;
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, end))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
