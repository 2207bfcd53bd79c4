package warta.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassNamesTest {

  private final ClassNames ads = ClassNames.containing(List.of("advert"), Set.of("ad", "ads"));
  private final ClassNames overlays = ClassNames.startingWith(Set.of("modal", "privacy"));

  @Test
  void partMatchesAnywhereInAName() {
    assertEquals(true, ads.matches("top-Advertising-slot"));
  }

  @Test
  void wordMatchesOnlyWhole() {
    assertEquals(true, ads.matches("story ad-slot"));
    assertEquals(true, ads.matches("inline_ads"));
    assertEquals(false, ads.matches("header shadow loaded"));
  }

  @Test
  void prefixMatchesOnlyAtTheStartOfAClassOrId() {
    assertEquals(true, overlays.matches("privacy-modal box"));
    assertEquals(true, overlays.matches("x modal"));
    assertEquals(false, overlays.matches("article-modal-handle"));
  }
}
