package warta.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** Files no parser should choke on: each gets a reason or an entry, never an exception or a hang. */
class BadInputTest {

  /** Generous: these finish in well under a second; the bound only catches a hang. */
  private static final Duration NO_HANG = Duration.ofSeconds(60);
  private static final ArticleParsers PARSERS = new ArticleParsers(new TopicTagger(TopicCatalog.standard()));

  @TempDir
  Path dir;

  @Test
  void fiftyMegabyteFileIsRejectedUnreadWithItsSize() throws IOException {
    Path huge = dir.resolve("huge.html");
    try (OutputStream out = Files.newOutputStream(huge)) {
      byte[] block = "<p>filler text for a very large page</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L << 20; written += block.length) {
        out.write(block);
      }
    }

    ParseOutcome outcome = assertTimeoutPreemptively(NO_HANG, () -> PARSERS.parse(huge));

    assertEquals(new ParseOutcome.Rejected(huge, "too large: 50.0 MB is over the 16.0 MB limit for one article"),
        outcome);
  }

  @Test
  void deeplyNestedPageUnderTheLimitParsesWithoutOverflow() throws IOException {
    StringBuilder page = new StringBuilder("<html><head><title>Deep page</title></head><body>");
    page.append("<div>".repeat(200_000));
    page.append("<p>A paragraph buried under two hundred thousand divs, which a browser would still show.</p>");
    page.append("</div>".repeat(200_000)).append("</body></html>");
    Path deep = Files.writeString(dir.resolve("deep.html"), page);

    ParseOutcome outcome = assertTimeoutPreemptively(NO_HANG, () -> PARSERS.parse(deep));

    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    assertEquals("Deep page", ((ParseOutcome.Parsed) outcome).article().headline());
  }

  @Test
  void oneEndlessLineOfTextGivesAnEntryOrAReason() throws IOException {
    Path line = Files.writeString(dir.resolve("line.txt"), "word ".repeat(2_000_000));

    ParseOutcome outcome = assertTimeoutPreemptively(NO_HANG, () -> PARSERS.parse(line));

    assertThat(outcome.file()).isEqualTo(line);
  }

  @Test
  void randomBytesAreRejectedAsBinary() throws IOException {
    byte[] bytes = new byte[100_000];
    new Random(42).nextBytes(bytes);
    Path noise = Files.write(dir.resolve("article.html"), bytes);

    ParseOutcome outcome = PARSERS.parse(noise);

    assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
    assertThat(((ParseOutcome.Rejected) outcome).reason()).startsWith("not an article: binary content");
  }

  @Test
  void pageOfLinksOnlyIsRejectedAsNoArticle() throws IOException {
    Path links = Files.writeString(dir.resolve("links.html"), "<html><body><ul>"
        + "<li><a href='/a'>World</a></li><li><a href='/b'>Asia</a></li></ul></body></html>");

    assertEquals(new ParseOutcome.Rejected(links, "no article: the page has no headline and no story text"),
        PARSERS.parse(links));
  }

  @Test
  void folderOrMissingFileIsAReasonNotAnException() {
    Path missing = dir.resolve("gone.html");

    assertEquals(new ParseOutcome.Rejected(missing, "no such file"), PARSERS.parse(missing));
    assertThat(PARSERS.parse(dir)).isInstanceOf(ParseOutcome.Rejected.class);
  }

  @Test
  void truncatedTagSoupStillGivesTheHeadline() throws IOException {
    Path soup = Files.writeString(dir.resolve("soup.html"),
        "<html><head><title>Storm hits Manila</title><body><div><p>Typhoon winds tore roofs off homes in Manila on Sunday, officials said, as <b>rain <i>kept");

    ParseOutcome outcome = PARSERS.parse(soup);

    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    assertEquals("Storm hits Manila", ((ParseOutcome.Parsed) outcome).article().headline());
  }
}
