package warta.feed;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warta.article.ByteOrderMark;

/**
 * A downloaded feed's bytes as text. The charset comes from a byte order mark, which is
 * authoritative (RFC 7303, 3.3); then from the Content-Type header; then from the XML
 * declaration; else UTF-8. Bytes that do not fit the charset become U+FFFD: decoding never fails.
 */
record FeedText(String text, Charset charset) {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int DECLARATION_BYTES = 1024;
  private static final int SNIFF_CHARS = 8192;
  /** A few stray control characters are a sloppy feed, not a binary file. */
  private static final int MIN_CONTROLS = 16;
  private static final Pattern XML_ENCODING = Pattern.compile(
      "^\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:\\-]{1,40})[\"']");

  static FeedText decode(byte[] body, Optional<Charset> fromHeader) {
    Optional<ByteOrderMark> bom = ByteOrderMark.of(body);
    if (bom.isPresent()) {
      return new FeedText(bom.get().decode(body), bom.get().charset());
    }
    Charset charset = fromHeader.map(FeedText::webCharset)
        .or(() -> declaredCharset(body))
        .orElse(StandardCharsets.UTF_8);
    return new FeedText(new String(body, charset), charset);
  }

  /**
   * Why the body is binary rather than text, or empty when it is text: gzip bytes nobody
   * decompressed, a NUL character, many other control characters or undecodable bytes early in
   * the decoded text.
   */
  static Optional<String> whyBinary(byte[] body, String text) {
    if (body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
      return Optional.of("binary content: gzip-compressed bytes (starts 1F 8B), not decompressed");
    }
    int length = Math.min(text.length(), SNIFF_CHARS);
    int control = 0;
    int replaced = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return Optional.of("binary content (NUL character at offset " + i + ")");
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      } else if (c == '\uFFFD') {
        replaced++;
      }
    }
    if (control >= MIN_CONTROLS && control * 100 > length) {
      return Optional.of("binary content (" + control + " control characters in the first "
          + length + ")");
    }
    if (replaced * 10 > length) {
      return Optional.of("binary content (" + replaced + " of the first " + length
          + " characters are not valid text)");
    }
    return Optional.empty();
  }

  /** Latin-1 and ASCII labels read as windows-1252, its superset, as browsers do (WHATWG Encoding). */
  private static Charset webCharset(Charset charset) {
    return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
        ? WINDOWS_1252 : charset;
  }

  private static Optional<Charset> declaredCharset(byte[] body) {
    if (ByteOrderMark.startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
      return Optional.of(StandardCharsets.UTF_16BE); // "<?" in UTF-16 without a byte order mark
    }
    if (ByteOrderMark.startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    String head = new String(body, 0, Math.min(body.length, DECLARATION_BYTES),
        StandardCharsets.ISO_8859_1);
    Matcher declaration = XML_ENCODING.matcher(head);
    return declaration.find() ? charsetNamed(declaration.group(1)) : Optional.empty();
  }

  private static Optional<Charset> charsetNamed(String label) {
    try {
      Charset charset = Charset.forName(label.toLowerCase(Locale.ROOT));
      // A declaration read through ASCII cannot really say UTF-16: that needs a byte order mark.
      return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")
          ? Optional.empty() : Optional.of(webCharset(charset));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty(); // an unknown label: UTF-8, the XML default
    }
  }
}
