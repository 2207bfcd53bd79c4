package warta.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import warta.topic.Topic;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** Every fixture under {@code articles/} parses to what its expected twin says. */
class ArticleFixturesTest {

  private static final ArticleParsers PARSERS = new ArticleParsers(new TopicTagger(TopicCatalog.standard()));

  static Path fixtures() throws URISyntaxException {
    return Path.of(ArticleFixturesTest.class.getResource("/articles/README.md").toURI()).getParent();
  }

  static Stream<Path> articles() throws IOException, URISyntaxException {
    return Files.list(fixtures())
        .filter(Files::isRegularFile)
        .filter(f -> !f.getFileName().toString().endsWith(".expected.txt"))
        .filter(f -> !f.getFileName().toString().equals("README.md"))
        .sorted();
  }

  static Stream<Path> rejected() throws IOException, URISyntaxException {
    return Files.list(fixtures().resolve("rejected")).sorted();
  }

  @Test
  void everyFixtureHasItsExpectedTwin() throws Exception {
    List<Path> orphans = articles().filter(f -> !Files.exists(twin(f))).toList();

    assertThat(orphans).isEmpty();
    assertThat(articles()).hasSizeGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void fixtureParsesAsExpected(Path file) throws IOException {
    Map<String, String> expected = expectations(twin(file));

    ParseOutcome outcome = PARSERS.parse(file);

    assertThat(outcome).as(outcome.toString()).isInstanceOf(ParseOutcome.Parsed.class);
    Article article = ((ParseOutcome.Parsed) outcome).article();
    Map<String, String> actual = new LinkedHashMap<>();
    actual.put("headline", article.headline());
    actual.put("published", article.published().map(Published::toString).orElse(""));
    actual.put("lead", article.lead());
    actual.put("language", article.language());
    actual.put("source", article.source());
    actual.put("url", article.url());
    actual.put("section", article.section());
    actual.put("body", String.valueOf(article.body().size()));
    Map<String, String> checked = new LinkedHashMap<>(actual);
    checked.keySet().retainAll(expected.keySet());
    Map<String, String> wanted = new LinkedHashMap<>(expected);
    wanted.remove("topics");
    assertEquals(wanted, checked, file.getFileName().toString());
    if (expected.containsKey("topics")) {
      List<String> codes = article.topics().stream().map(Topic::code).toList();
      assertThat(codes).as("topics").containsAll(List.of(expected.get("topics").split(",\\s*")));
    }
    assertThat(article.id()).isEqualTo(ArticleParsers.idOf(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void fileWithoutArticleIsRejectedWithAReason(Path file) {
    ParseOutcome outcome = PARSERS.parse(file);

    assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
    assertThat(((ParseOutcome.Rejected) outcome).reason()).isNotBlank();
  }

  private static Path twin(Path file) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.txt");
  }

  private static Map<String, String> expectations(Path twin) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : Files.readAllLines(twin, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (!line.isBlank() && colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return fields;
  }
}
