package warta.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredTextTest {

  @Test
  void utf8ByteOrderMarkWinsOverDeclaredCharset() {
    byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9</p></body></html>"
            .getBytes(StandardCharsets.UTF_8));

    StoredText text = StoredText.decode(page);

    assertEquals(StandardCharsets.UTF_8, text.charset());
    assertEquals(StoredText.Kind.HTML, text.kind());
    assertEquals("<html>", text.text().substring(0, 6));
  }

  @Test
  void declaredLegacyCharsetIsHonoured() {
    byte[] page = "<html><head><meta charset=\"koi8-r\"></head><body><p>\u041c\u043e\u0441\u043a\u0432\u0430</p></body></html>"
        .getBytes(Charset.forName("KOI8-R"));

    StoredText text = StoredText.decode(page);

    assertEquals(Charset.forName("KOI8-R"), text.charset());
    assertEquals(true, text.text().contains("\u041c\u043e\u0441\u043a\u0432\u0430"));
  }

  @Test
  void utf8BytesUnderAStaleLegacyDeclarationAreReadAsUtf8() {
    byte[] page = "<html><head><meta charset=\"gb2312\"></head><body><p>\u65b0\u95fb \u2014 Caf\u00e9</p></body></html>"
        .getBytes(StandardCharsets.UTF_8);

    StoredText text = StoredText.decode(page);

    assertEquals(StandardCharsets.UTF_8, text.charset());
  }

  @Test
  void undeclaredInvalidUtf8FallsBackToWindows1252() {
    byte[] page = "Caf\u00e9 owners say \u201cno\u201d".getBytes(Charset.forName("windows-1252"));

    StoredText text = StoredText.decode(page);

    assertEquals("Caf\u00e9 owners say \u201cno\u201d", text.text());
    assertEquals(StoredText.Kind.PLAIN_TEXT, text.kind());
  }

  @Test
  void utf8CutInTheMiddleOfACharacterIsStillUtf8() {
    byte[] whole = "Korea Utara \u2014 Rusia \u2014".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);

    assertEquals(StandardCharsets.UTF_8, StoredText.decode(cut).charset());
  }

  @Test
  void latin1LabelIsReadAsWindows1252LikeBrowsersDo() {
    assertEquals(Optional.of(Charset.forName("windows-1252")), StoredText.charsetNamed("ISO-8859-1"));
    assertEquals(Optional.empty(), StoredText.charsetNamed("no-such-charset"));
  }

  @Test
  void nulBytesMarkABinaryFile() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    assertEquals(Optional.of("binary content (NUL byte at offset 8)"), StoredText.whyNotText(png));
  }

  @Test
  void utf16WithByteOrderMarkIsText() {
    byte[] page = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<html><p>Hi</p></html>".getBytes(StandardCharsets.UTF_16LE));

    assertEquals(Optional.empty(), StoredText.whyNotText(page));
    assertEquals("<html><p>Hi</p></html>", StoredText.decode(page).text());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
