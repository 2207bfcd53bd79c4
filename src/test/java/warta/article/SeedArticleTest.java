package warta.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import warta.topic.Topic;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** The stored article the project started from comes out exactly, by the general rules. */
class SeedArticleTest {

  private static final Path SEED = Path.of("data/articles/000_7ca8ba51c7a44970.txt");

  @Test
  void seedParsesToItsDigestEntry() {
    ParseOutcome outcome = new ArticleParsers(new TopicTagger(TopicCatalog.standard())).parse(SEED);

    Article article = ((ParseOutcome.Parsed) outcome).article();
    assertEquals("000_7ca8ba51c7a44970", article.id());
    assertEquals("Rusia dan Korea Utara Semakin Akrab, Presiden Vladimir Putin akan Bertemu Menlu Choe Son Hui",
        article.headline());
    assertEquals(Optional.of(Published.on(LocalDate.of(2022, 12, 9))), article.published());
    assertEquals("Hubungan Rusia - Korea Utara tampak makin akrab. Presiden Rusia Vladimir Putin akan bertemu "
        + "dengan Menteri Luar Negeri Korea Utara Choe Son Hui pada Selasa, 16 Januari 2024, kata Kremlin.",
        article.lead());
    assertEquals("id", article.language());
    assertEquals("Internasional", article.section());
    assertEquals("orbitindonesia.com", article.source());
    assertEquals("", article.url());
    assertThat(article.topics()).startsWith(Topic.country("RU"), Topic.country("KP"));
    assertThat(article.body()).hasSize(9).first().isEqualTo(article.lead());
    assertThat(article.body()).noneMatch(p -> p.startsWith("Baca Juga") || p.startsWith("Sumber")
        || p.contains("ANTARA Photo") || p.endsWith("***"));
  }
}
