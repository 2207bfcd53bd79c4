package warta.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ORBITINDONESIA.COM - Hubungan kedua negara makin akrab.      | Hubungan kedua negara makin akrab.
      JAKARTA, KOMPAS.com - Presiden menerima tamu negara.          | Presiden menerima tamu negara.
      Jakarta (ANTARA) - Pemerintah menyiapkan bantuan.             | Pemerintah menyiapkan bantuan.
      WASHINGTON (Reuters) - Scientists unveiled a new map.         | Scientists unveiled a new map.
      SEOUL, South Korea — A plan to impeach the president failed.  | A plan to impeach the president failed.
      NEW DELHI: Nearly 150 Indians returned home on Wednesday.     | Nearly 150 Indians returned home on Wednesday.
      HANOI, Vietnam (AP) — The defence secretary accused China.    | The defence secretary accused China.
      """)
  void datelinePrefixIsRemoved(String paragraph, String expected) {
    assertEquals(expected, Dateline.strip(paragraph));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Choe - who arrived on Monday - met the minister.
      The talks in Geneva - the first in years - ended early.
      NASA said on Monday that the launch had been delayed by a day.
      By Monday, the talks had failed.
      """)
  void sentenceWithoutDatelineIsUnchanged(String paragraph) {
    assertEquals(paragraph, Dateline.strip(paragraph));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ORBITINDONESIA.COM - Hubungan Rusia dan Korea Utara tampak makin akrab.  | orbitindonesia.com
      JAKARTA, KOMPAS.com - Presiden menerima tamu negara di istana.           | kompas.com
      """)
  void siteIsReadFromTheDateline(String paragraph, String site) {
    assertEquals(Optional.of(site), Dateline.site(paragraph));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      WASHINGTON (Reuters) - Scientists unveiled a new map of Titan.
      A plain sentence without any dateline at all.
      """)
  void datelineWithoutSiteNamesNone(String paragraph) {
    assertEquals(Optional.empty(), Dateline.site(paragraph));
  }
}
