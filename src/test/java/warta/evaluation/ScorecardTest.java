package warta.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardTest {

  @TempDir
  Path corpus;

  @Test
  void figuresAreScoredOnlyWhereTheTruthIsKnown() throws Exception {
    Files.writeString(corpus.resolve("truth.jsonl"), String.join("\n",
        "{\"id\":\"a\",\"source\":\"x/one@1:p\",\"headline\":\"Floods in Brazil\",\"headline_alt\":[],"
            + "\"published\":\"2024-05-03\",\"lead\":\"Heavy rain fell.\",\"lead_alt\":[]}",
        "{\"id\":\"b\",\"source\":\"x/one@1:q\",\"headline\":null,\"headline_alt\":[],"
            + "\"published\":\"2024-05-03T23:30:00-05:00\",\"lead\":null,\"lead_alt\":[]}",
        "{\"id\":\"c\",\"source\":\"y/two@2:r\",\"headline\":\"Other\",\"headline_alt\":[\"Alt headline\"],"
            + "\"published\":null,\"lead\":\"One two three four\",\"lead_alt\":[]}"));
    Evaluation evaluation = Evaluation.of(corpus);

    Scorecard card = evaluation.score(Map.of(
        "a", new Prediction("a", "Floods in Brazil", Optional.of("2024-05-03T08:00:00-03:00"), "Heavy rain fell."),
        "b", new Prediction("b", "anything", Optional.of("2024-05-04T04:30:00Z"), "anything"),
        "c", new Prediction("c", "alt headline", Optional.empty(), "one two")));

    Tally all = card.overall();
    assertEquals(3, all.pages());
    assertEquals(2, all.headlines());
    assertEquals(1.0, all.headlineExact().getAsDouble());
    assertEquals(2, all.dates());
    assertEquals(0.5, all.dateAccuracy().getAsDouble(), "the day as written, not converted");
    assertEquals(1.0, all.dateWithinOneDay().getAsDouble());
    assertEquals(2, all.leads());
    assertEquals((1.0 + 2.0 / 3) / 2, all.leadF1().getAsDouble(), 1e-9);
    assertEquals(0.5, all.leadGood().getAsDouble());
    assertThat(card.bySource().keySet()).containsExactly("x/one", "y/two");
  }

  @Test
  void missingPredictionCountsAsWrong() throws Exception {
    Files.writeString(corpus.resolve("truth.jsonl"),
        "{\"id\":\"a\",\"source\":\"x/one@1:p\",\"headline\":\"H\",\"published\":\"2024-05-03\",\"lead\":\"L\"}\n");

    Scorecard card = Evaluation.of(corpus).score(Map.of());

    assertEquals(0.0, card.overall().headlineExact().getAsDouble());
    assertEquals(0.0, card.overall().dateCoverage().getAsDouble());
    assertEquals(0.0, card.overall().leadF1().getAsDouble());
  }

  @Test
  void corpusWithoutTruthIsRefusedClearly() {
    var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Evaluation.of(corpus));

    assertEquals(corpus + " has no truth.jsonl", error.getMessage());
  }

  @Test
  void jsonSummaryHasTheFiguresByName() throws Exception {
    Files.writeString(corpus.resolve("truth.jsonl"),
        "{\"id\":\"a\",\"source\":\"x/one@1:p\",\"headline\":\"H\",\"published\":null,\"lead\":null}\n");

    String json = Evaluation.of(corpus).score(Map.of("a", new Prediction("a", "H", Optional.empty(), ""))).json();

    assertThat(json).contains("\"headline_exact\":1.0", "\"date_accuracy\":null", "\"sources\":{\"x/one\":");
  }
}
