package warta.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      image                                                                          | PLACEHOLDER
      [video]                                                                        | PLACEHOLDER
      ***                                                                            | PLACEHOLDER
      Baca Juga: Presiden Putin dan Yevgeny Prigozhin Saling Membutuhkan             | TEASER
      Read also: UN Security Council Backs Mission                                   | TEASER
      Lesen Sie auch: Neue Regeln für Heizungen                                      | TEASER
      ADVERTISEMENT                                                                  | AD
      Scroll to continue with content                                                | AD
      Sumber: Antara                                                                 | CREDIT
      Reporting by Jane Doe; Editing by John Roe                                     | CREDIT
      Warga berjalan di dekat lokasi banjir, Senin (15/1/2024) (ANTARA FOTO/Budi)    | CAPTION
      The WeWork logo is displayed outside of a co-working space in New York.Reuters | CAPTION
      The road to retiring early isn't easy.Kathrin Ziegler/Getty                    | CAPTION
      Photo: Howard Schnapp/Newsday via Getty Images                                 | CAPTION
      By Jane Doe                                                                    | BYLINE
      Oleh: Budi Santoso                                                             | BYLINE
      By Priya Nair, 3 min read                                                      | BYLINE
      This article originally appeared on VICE Belgium.                              | NOTICE
      Get all the latest news, reviews and exclusives, direct to your inbox.         | NOTICE
      Share this article                                                             | SHARE
      """)
  void noiseIsRecognisedByItsWording(String paragraph, Noise expected) {
    assertEquals(Optional.of(expected), Noise.of(paragraph));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "By Monday, the talks had failed.",
      "Hubungan Rusia - Korea Utara tampak makin akrab.",
      "The minister told Reuters the agreement would be signed on Friday.",
      "Read the full report, the agency said, before judging the plan.",
      "Image rights are a growing concern for photographers, the study found.",
      "Merry Christmas, Inter Miami fans.",
  })
  void storyParagraphIsNotNoise(String paragraph) {
    assertEquals(Optional.empty(), Noise.of(paragraph));
  }
}
