package warta.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMatchTest {

  @Test
  void normalisationFoldsQuotesDashesEllipsisSpaceAndCase() {
    assertEquals("\"it's\" - over... now", TextMatch.normalize("  \u201cIt\u2019s\u201d \u2014 OVER\u2026\u00a0\n now "));
  }

  @Test
  void tokensAreWordRunsButEachCjkOrThaiCharacterAlone() {
    assertEquals(List.of("deepmind", "新", "电", "脑", "2014"), TextMatch.tokens("DeepMind新电脑 2014"));
    assertEquals(List.of("ผ", "ล", "dna"), TextMatch.tokens("ผล DNA"));
  }

  @Test
  void f1CountsSharedTokensWithMultiplicity() {
    // prediction: a a b (3), truth: a b c d (4); shared a, b -> P 2/3, R 2/4 -> F1 4/7
    assertEquals(4.0 / 7, TextMatch.f1("a a b", "a b c d"), 1e-9);
  }

  @Test
  void emptyPredictionScoresZero() {
    assertEquals(0.0, TextMatch.f1("", "a b"));
  }

  @Test
  void exactMatchAcceptsAnyAlternative() {
    assertEquals(true, TextMatch.anyExact("EU leaders agree \u2013 again", List.of("x", "eu leaders agree - again")));
    assertEquals(false, TextMatch.anyExact("", List.of("")));
  }
}
