package warta.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** A downloaded page with its feed's words beside it: the words fill what the page lacks, never more. */
class FeedMetadataTest {

  private static final String LEAD = "Heavy rain flooded large parts of Jakarta on Monday, forcing thousands of "
      + "residents from their homes as rivers burst their banks across the Indonesian capital.";

  @TempDir
  Path dir;

  private final ArticleParsers parsers = new ArticleParsers(new TopicTagger(TopicCatalog.standard()));

  @Test
  void theFeedFillsTheDateUrlSourceAndSectionAPageLacks() throws Exception {
    Path page = Files.writeString(dir.resolve("a1.html"), "<html lang=\"en\"><body><article><h1>Floods swamp "
        + "Jakarta</h1><p>" + LEAD + "</p><p>" + LEAD + "</p></article></body></html>");
    feed("https://news.example/floods", "Feed title", "2024-01-16T07:05:00+07:00", "Feed summary").writeTo(
        FeedMetadata.besideOf(page));

    Article article = parsed(page);

    assertEquals("Floods swamp Jakarta", article.headline()); // the page's own
    assertEquals(LEAD, article.lead());
    assertEquals(Optional.of(Published.at(OffsetDateTime.parse("2024-01-16T07:05:00+07:00"))), article.published());
    assertEquals("https://news.example/floods", article.url());
    assertEquals("Example News", article.source());
    assertEquals("World", article.section());
  }

  @Test
  void whatThePageSaysWins() throws Exception {
    Path page = Files.writeString(dir.resolve("a2.html"), "<html lang=\"en\"><head>"
        + "<meta property=\"og:site_name\" content=\"The Page\"><link rel=\"canonical\" href=\"https://page.example/x\">"
        + "<meta property=\"article:published_time\" content=\"2024-01-17T10:00:00Z\"></head><body><article>"
        + "<h1>Floods swamp Jakarta</h1><p>" + LEAD + "</p><p>" + LEAD + "</p></article></body></html>");
    feed("https://news.example/floods", "Feed title", "2024-01-16", "Feed summary").writeTo(FeedMetadata.besideOf(page));

    Article article = parsed(page);

    assertEquals("The Page", article.source());
    assertEquals("https://page.example/x", article.url());
    assertEquals("2024-01-17", article.published().orElseThrow().date().toString());
  }

  @Test
  void aPageWithNoStoryBecomesTheFeedsTitleAndSummary() throws Exception {
    Path page = Files.writeString(dir.resolve("a3.html"), "<html><body><div id=\"app\"></div>"
        + "<script>render()</script></body></html>");
    feed("https://www.news.example/app", "Floods swamp Jakarta", "2024-01-16", LEAD).writeTo(FeedMetadata.besideOf(page));

    Article article = parsed(page);

    assertEquals("Floods swamp Jakarta", article.headline());
    assertEquals(LEAD, article.lead());
    assertEquals(List.of(LEAD), article.body());
  }

  @Test
  void withoutTheFeedsWordsAPageWithNoStoryIsRejectedAsBefore() throws Exception {
    Path page = Files.writeString(dir.resolve("a4.html"), "<html><body><div id=\"app\"></div></body></html>");

    assertThat(parsers.parse(page)).isInstanceOf(ParseOutcome.Rejected.class);
    assertThat(FeedMetadata.readBeside(page)).isEmpty();
  }

  @Test
  void theWordsSurviveAWriteAndReadWithAnyText() throws Exception {
    FeedMetadata words = new FeedMetadata("https://x.example/a?b=c&d=é", "Judul: \"Banjir\" = #1\nbaris dua",
        Optional.of(Published.on(java.time.LocalDate.of(2024, 1, 16))), "Ringkasan\\ dengan \u2028 pemisah", "Berita",
        "id", "Dunia", "https://x.example/rss", "windows-1251");
    Path page = dir.resolve("p.html");

    words.writeTo(FeedMetadata.besideOf(page));

    assertEquals(Optional.of(words), FeedMetadata.readBeside(page));
    assertEquals(dir.resolve("p.feed.properties"), FeedMetadata.besideOf(page));
  }

  @Test
  void theServersCharsetDecodesAPageThatDeclaresNone() throws Exception {
    String headline = "Москва и Пхеньян договорились о визите";
    String lead = "Министр иностранных дел Северной Кореи прибыла в Москву, где встретится с президентом "
        + "России, сообщил Кремль во вторник вечером после долгих переговоров.";
    Path page = dir.resolve("ru.html");
    Files.write(page, ("<html><body><article><h1>" + headline + "</h1><p>" + lead + "</p><p>" + lead
        + "</p></article></body></html>").getBytes(java.nio.charset.Charset.forName("windows-1251")));
    new FeedMetadata("https://ru.example/a", "", Optional.empty(), "", "", "", "", "https://ru.example/rss",
        "windows-1251").writeTo(FeedMetadata.besideOf(page));

    Article article = parsed(page);

    assertEquals(headline, article.headline());
    assertEquals(lead, article.lead());
  }

  private Article parsed(Path page) {
    ParseOutcome outcome = parsers.parse(page);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).article();
  }

  private static FeedMetadata feed(String link, String title, String published, String summary) {
    return new FeedMetadata(link, title, Optional.of(Published.parse(published)), summary, "Example News", "en",
        "World", "https://news.example/rss", "");
  }
}
