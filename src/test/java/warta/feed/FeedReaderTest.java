package warta.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import warta.article.Published;

/** Every feed under {@code feeds/} reads to what its expected twin says; bad bodies are unreadable. */
class FeedReaderTest {

  static final URI FEED_URL = URI.create("https://links.example/feeds/main.xml");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final FeedReader reader = new FeedReader();

  static Path fixtures() throws URISyntaxException {
    return Path.of(FeedReaderTest.class.getResource("/feeds/README.md").toURI()).getParent();
  }

  static Stream<Path> feeds() throws IOException, URISyntaxException {
    return Files.list(fixtures())
        .filter(Files::isRegularFile)
        .filter(f -> !f.getFileName().toString().endsWith(".expected.txt"))
        .filter(f -> !f.getFileName().toString().equals("README.md"))
        .sorted();
  }

  @Test
  void everyFixtureHasItsExpectedTwin() throws Exception {
    List<Path> orphans = feeds().filter(f -> !Files.exists(twin(f))).toList();

    assertThat(orphans).isEmpty();
    assertThat(feeds()).hasSizeGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void fixtureReadsAsExpected(Path file) throws IOException {
    String expected = Files.readString(twin(file), StandardCharsets.UTF_8).strip();

    FeedOutcome outcome = reader.read(Files.readAllBytes(file), Optional.empty(), FEED_URL);

    assertThat(outcome).as(outcome.toString()).isInstanceOf(FeedOutcome.Read.class);
    assertEquals(expected, render((FeedOutcome.Read) outcome), file.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      html-page.html => not a feed: an HTML page (<html> root)
      plain-text.txt => 'no RSS/Atom root element: plain text without XML elements (starts "Service Temporarily Unavailable The serv…")'
      json-feed.json => 'no RSS/Atom root element: JSON without XML elements (starts "{"version": "https://jsonfeed.org/versio…")'
      opml.xml       => no RSS/Atom root element (root is <opml>)
      """)
  void rejectedFixtureIsUnreadableWithItsReason(String name, String reason) throws Exception {
    byte[] body = Files.readAllBytes(fixtures().resolve("rejected").resolve(name));

    assertEquals(new FeedOutcome.Unreadable(reason), reader.read(body, Optional.empty(), FEED_URL));
  }

  @Test
  void emptyBodyIsUnreadable() {
    assertEquals(new FeedOutcome.Unreadable("empty body"),
        reader.read(new byte[0], Optional.empty(), FEED_URL));
  }

  @Test
  void whiteSpaceOnlyBodyIsUnreadable() {
    byte[] body = " \r\n\t \n".getBytes(StandardCharsets.US_ASCII);

    assertEquals(new FeedOutcome.Unreadable("empty body (6 bytes of white space)"),
        reader.read(body, Optional.empty(), FEED_URL));
  }

  @Test
  void binaryJunkIsUnreadable() {
    byte[] body = new byte[4096];
    new Random(42).nextBytes(body);
    body[0] = 'G'; // not gzip
    body[7] = 0;

    FeedOutcome outcome = reader.read(body, Optional.empty(), FEED_URL);

    assertThat(outcome).isInstanceOf(FeedOutcome.Unreadable.class);
    assertThat(((FeedOutcome.Unreadable) outcome).reason()).startsWith("binary content (");
  }

  @Test
  void gzipBytesNobodyDecompressedAreNamed() {
    byte[] body = {0x1F, (byte) 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};

    assertEquals(
        new FeedOutcome.Unreadable(
            "binary content: gzip-compressed bytes (starts 1F 8B), not decompressed"),
        reader.read(body, Optional.empty(), FEED_URL));
  }

  @Test
  void htmlDoctypeWithoutHtmlRootIsAnHtmlPage() {
    byte[] body = "<!DOCTYPE html>\n<head><title>Moved</title></head><body>Gone</body>"
        .getBytes(StandardCharsets.UTF_8);

    assertEquals(new FeedOutcome.Unreadable("not a feed: an HTML page (<!DOCTYPE html>)"),
        reader.read(body, Optional.empty(), FEED_URL));
  }

  @Test
  void headerCharsetWinsOverTheXmlDeclaration() {
    byte[] body = rss("<title>Caf\u00e9 \u2019s</title><link>https://a.example/1</link>", "UTF-8")
        .getBytes(WINDOWS_1252);

    FeedOutcome outcome = reader.read(body, Optional.of(StandardCharsets.ISO_8859_1), FEED_URL);

    assertEquals("Caf\u00e9 \u2019s", onlyItem(outcome).title());
  }

  @Test
  void byteOrderMarkWinsOverTheHeader() {
    byte[] xml = rss("<title>\u00dcber</title><link>https://a.example/1</link>", "UTF-8")
        .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[xml.length + 3];
    body[0] = (byte) 0xEF;
    body[1] = (byte) 0xBB;
    body[2] = (byte) 0xBF;
    System.arraycopy(xml, 0, body, 3, xml.length);

    FeedOutcome outcome = reader.read(body, Optional.of(WINDOWS_1252), FEED_URL);

    assertEquals("\u00dcber", onlyItem(outcome).title());
  }

  @Test
  void undeclaredCharsetIsUtf8() {
    byte[] body = ("<rss><channel><item><title>Mal\u00e9 \u2013 \u4e1c\u4eac</title>"
        + "<link>https://a.example/1</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    assertEquals("Mal\u00e9 \u2013 \u4e1c\u4eac",
        onlyItem(reader.read(body, Optional.empty(), FEED_URL)).title());
  }

  @Test
  void warningPrintedBeforeTheFeedIsPassedOver() {
    byte[] body = ("<br />\n<b>Warning</b>: date(): timezone not set in feed.php on line 3<br />\n"
        + rss("<title>Still here</title><link>https://a.example/1</link>", "UTF-8"))
        .getBytes(StandardCharsets.UTF_8);

    assertEquals("Still here", onlyItem(reader.read(body, Optional.empty(), FEED_URL)).title());
  }

  @Test
  void prefixedAtomIsReadByLocalName() {
    byte[] body = ("<a:feed xmlns:a='http://www.w3.org/2005/Atom'><a:title>Prefixed</a:title>"
        + "<a:entry><a:title>One</a:title><a:link href='/one'/><a:id>urn:x:1</a:id>"
        + "<a:updated>2024-01-16</a:updated></a:entry></a:feed>").getBytes(StandardCharsets.UTF_8);

    FeedOutcome outcome = reader.read(body, Optional.empty(), FEED_URL);

    assertEquals(new FeedOutcome.Read("Prefixed", "", List.of(new FeedItem(
        "https://links.example/one", "urn:x:1", "One",
        Optional.of(Published.on(LocalDate.of(2024, 1, 16))), "", "")), 0), outcome);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "none", textBlock = """
      en-us,   en
      id-ID,   id
      id_ID,   id
      in,      id
      ind,     id
      EN,      en
      English, ''
      zz,      ''
      none,    ''
      """)
  void feedLanguageIsReadAsAnIso639Code(String written, String expected) {
    String language = written == null ? "" : "<language>" + written + "</language>";
    byte[] body = ("<rss><channel>" + language + "<item><link>https://a.example/1</link></item>"
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8);

    FeedOutcome.Read read = (FeedOutcome.Read) reader.read(body, Optional.empty(), FEED_URL);

    assertEquals(expected, read.language());
    assertEquals(expected, read.items().get(0).language());
  }

  @Test
  void controlCharactersInATitleAreDropped() {
    byte[] body = rss("<title>Vote\u0008 count\u001B delayed</title><link>https://a.example/1</link>",
        "UTF-8").getBytes(StandardCharsets.UTF_8);

    assertEquals("Vote count delayed",
        onlyItem(reader.read(body, Optional.empty(), FEED_URL)).title());
  }

  @Test
  void longSummaryIsCutAtAWordWithAnEllipsis() {
    String words = "word ".repeat(400);
    byte[] body = rss("<title>Long</title><link>https://a.example/1</link><description>" + words
        + "</description>", "UTF-8").getBytes(StandardCharsets.UTF_8);

    String summary = onlyItem(reader.read(body, Optional.empty(), FEED_URL)).summary();

    assertEquals("word ".repeat(199) + "word…", summary);
    assertThat(summary).hasSizeLessThanOrEqualTo(FeedItem.SUMMARY_LIMIT);
  }

  @Test
  void tenThousandItemFeedIsReadWhole() {
    byte[] body = bigRss(10_000).getBytes(StandardCharsets.UTF_8);

    FeedOutcome outcome = reader.read(body, Optional.empty(), FEED_URL);

    FeedOutcome.Read read = (FeedOutcome.Read) outcome;
    assertThat(read.items()).hasSize(10_000);
    assertEquals(0, read.skippedItems());
    assertEquals(new FeedItem("https://big.example/story/9999", "big-9999", "Story 9999 of many",
        Optional.of(Published.at(java.time.OffsetDateTime.parse("2024-01-16T14:05:00+07:00"))),
        "Summary of story 9999 with a link.", "id"), read.items().get(9_999));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void everyCutOfAFixtureReadsWithoutThrowing(Path file) throws IOException {
    byte[] whole = Files.readAllBytes(file);
    for (int length = 0; length < whole.length; length += 7) {
      byte[] cut = java.util.Arrays.copyOf(whole, length);

      FeedOutcome outcome = reader.read(cut, Optional.empty(), FEED_URL);

      assertThat(outcome).as("%s cut at %d", file.getFileName(), length).isNotNull();
    }
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] body = new byte[random.nextInt(600)];
      random.nextBytes(body);

      assertThat(reader.read(body, Optional.empty(), FEED_URL)).isNotNull();
    }
  }

  @Test
  void itemLinkMustBeAnAbsoluteWebUrl() {
    assertThatThrownBy(() -> new FeedItem("ftp://files.example/a", "", "t", Optional.empty(), "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("link \"ftp://files.example/a\" is not an absolute http(s) URL");
    assertThatThrownBy(() -> new FeedItem("/relative", "", "t", Optional.empty(), "", ""))
        .hasMessage("link \"/relative\" is not an absolute http(s) URL");
  }

  /** An RSS 2.0 feed of that many items with Indonesian dates, as a feed of a busy site reads. */
  static String bigRss(int items) {
    StringBuilder rss = new StringBuilder(items * 420).append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Big Example</title><link>https://big.example/</link><language>id</language>
        """);
    for (int i = 0; i < items; i++) {
      rss.append("<item><title>Story ").append(i).append(" of many</title>")
          .append("<link>https://big.example/story/").append(i).append("</link>")
          .append("<guid isPermaLink=\"false\">big-").append(i).append("</guid>")
          .append("<pubDate>Selasa, 16 Jan 2024 14:05:00 +0700</pubDate>")
          .append("<description><![CDATA[<p>Summary of story ").append(i)
          .append(" with <a href=\"/x\">a link</a>.</p>]]></description></item>\n");
    }
    return rss.append("</channel></rss>\n").toString();
  }

  private static FeedItem onlyItem(FeedOutcome outcome) {
    assertThat(outcome).as(outcome.toString()).isInstanceOf(FeedOutcome.Read.class);
    List<FeedItem> items = ((FeedOutcome.Read) outcome).items();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static String rss(String item, String encoding) {
    return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<rss version=\"2.0\"><channel>"
        + "<title>T</title><item>" + item + "</item></channel></rss>\n";
  }

  private static Path twin(Path file) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.txt");
  }

  /** The outcome in its twin's format. */
  static String render(FeedOutcome.Read read) {
    String head = "feedTitle: " + read.feedTitle() + "\nlanguage: " + read.language()
        + "\nskippedItems: " + read.skippedItems();
    String items = read.items().stream()
        .map(item -> "link: " + item.link()
            + "\nguid: " + item.guid()
            + "\ntitle: " + item.title()
            + "\npublished: " + item.published().map(Published::toString).orElse("")
            + "\nsummary: " + item.summary()
            + "\nlanguage: " + item.language())
        .collect(Collectors.joining("\n\n"));
    String text = items.isEmpty() ? head : head + "\n\n" + items;
    return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
  }
}
