package warta.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import warta.article.Article;
import warta.article.ArticleParsers;
import warta.article.ParseOutcome;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * The parser's accuracy on the shared public corpus ({@code ../shared/corpus/articles}), held
 * above floors set just under what it reaches. Skipped where the corpus is not beside the project.
 */
class CorpusAccuracyTest {

  private static Scorecard card;

  static Path corpus() {
    return Path.of(System.getProperty("warta.shared", "../shared")).resolve("corpus/articles");
  }

  @BeforeAll
  static void scoreTheCorpus() {
    assumeTrue(Files.isRegularFile(corpus().resolve("truth.jsonl")), "no corpus at " + corpus());
    Evaluation evaluation = Evaluation.of(corpus());
    ArticleParsers parsers = new ArticleParsers(new TopicTagger(TopicCatalog.standard()));
    card = evaluation.score(truth -> {
      ParseOutcome outcome = parsers.parse(evaluation.page(truth));
      if (outcome instanceof ParseOutcome.Parsed parsed) {
        Article a = parsed.article();
        return new Prediction(a.id(), a.headline(), a.published().map(Object::toString), a.lead());
      }
      return Prediction.none(truth.id());
    });
    System.out.println(card.table());
  }

  @Test
  void headlineExactMatchStaysAboveItsFloor() {
    assertThat(card.overall().headlineExact().getAsDouble()).isGreaterThanOrEqualTo(0.92);
  }

  @Test
  void dateOnTheRightDayStaysAboveItsFloor() {
    assertThat(card.overall().dateAccuracy().getAsDouble()).isGreaterThanOrEqualTo(0.91);
  }

  @Test
  void leadsWithF1OfAtLeastPointEightStayAboveTheirFloor() {
    assertThat(card.overall().leadGood().getAsDouble()).isGreaterThanOrEqualTo(0.85);
    assertThat(card.overall().leadF1().getAsDouble()).isGreaterThanOrEqualTo(0.88);
  }

  @Test
  void everyPageParses() {
    long unparsed = card.pages().stream().filter(s -> s.prediction().headline().isEmpty()
        && s.prediction().lead().isEmpty()).count();
    assertThat(unparsed).isZero();
  }
}
