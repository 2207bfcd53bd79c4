package warta.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceListTest {

  @TempDir
  Path dir;

  @Test
  void aLineIsAUrlWithOptionalPairsAndCommentsAndBlankLinesAreSkipped() {
    SourceList list = SourceList.parse("sources.txt", """
        # international news
        https://feeds.example.org/world.xml

        https://berita.example.id/rss/dunia  lang=id section=Dunia name="Berita Dunia"  # Indonesian
        \thttps://example.com/atom#feed\tlang=EN
        """);

    assertEquals(List.of(
        new Source(URI.create("https://feeds.example.org/world.xml"), "", "", "", 2),
        new Source(URI.create("https://berita.example.id/rss/dunia"), "Berita Dunia", "id", "Dunia", 4),
        new Source(URI.create("https://example.com/atom#feed"), "", "en", "", 5)), list.sources());
    assertThat(list.problems()).isEmpty();
  }

  @Test
  void badLinesAreProblemsNamingTheLineAndTheOthersStay() {
    SourceList list = SourceList.parse("sources.txt", """
        ftp://files.example.org/feed.xml
        https://a.example/feed lang=indonesian colour=blue
        https://a.example/feed
        not a url at all
        https://b.example/feed
        """);

    assertThat(list.sources()).extracting(s -> s.url().toString())
        .containsExactly("https://a.example/feed", "https://b.example/feed");
    assertThat(list.problems()).containsExactly(
        "sources.txt:1: ftp://files.example.org/feed.xml is not an http or https URL",
        "sources.txt:2: unknown key colour (expected lang, section or name)",
        "sources.txt:2: lang=indonesian is not a two-letter ISO 639-1 code (e.g. en, id)",
        "sources.txt:3: https://a.example/feed is listed already on line 2; this line is ignored",
        "sources.txt:4: \"a url at all\" is not a key=value pair",
        "sources.txt:4: not is not an http or https URL");
  }

  @Test
  void aMissingFileIsNoSourcesAndOneProblem() {
    SourceList list = SourceList.read(dir.resolve("absent.txt"));

    assertThat(list.sources()).isEmpty();
    assertThat(list.problems()).containsExactly(dir.resolve("absent.txt") + ": no such file (no sources to fetch)");
  }

  @Test
  void theShippedFileReadsWithoutProblems() {
    SourceList shipped = SourceList.read(Path.of("data/sources.txt"));

    assertThat(shipped.problems()).isEmpty();
    assertThat(shipped.sources()).hasSizeGreaterThanOrEqualTo(8)
        .extracting(Source::language).contains("en", "id");
  }
}
