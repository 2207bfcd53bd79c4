package warta.article;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The byte order mark a text may start with: which Unicode encoding it names, and how many bytes
 * to skip. UTF-32 is tested before UTF-16, whose mark begins the same way.
 *
 * @param charset UTF-8, UTF-16BE/LE or UTF-32BE/LE
 * @param length the mark's bytes: 3, 2 or 4
 */
public record ByteOrderMark(Charset charset, int length) {

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** The mark {@code bytes} start with, if any. */
  public static Optional<ByteOrderMark> of(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return Optional.of(new ByteOrderMark(StandardCharsets.UTF_8, 3));
    }
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      return Optional.of(new ByteOrderMark(UTF_32BE, 4));
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return Optional.of(new ByteOrderMark(UTF_32LE, 4));
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return Optional.of(new ByteOrderMark(StandardCharsets.UTF_16BE, 2));
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return Optional.of(new ByteOrderMark(StandardCharsets.UTF_16LE, 2));
    }
    return Optional.empty();
  }

  /** Whether the mark names a wide encoding (UTF-16 or UTF-32), whose text has NUL bytes by nature. */
  public boolean wide() {
    return length != 3;
  }

  /** The text after the mark. */
  public String decode(byte[] bytes) {
    return new String(bytes, length, bytes.length - length, charset);
  }

  /** Whether {@code bytes} begin with these byte values (0-255): for sniffing marks and signatures. */
  public static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
