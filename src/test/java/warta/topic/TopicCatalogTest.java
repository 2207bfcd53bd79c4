package warta.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicCatalogTest {

  private final TopicCatalog catalog = TopicCatalog.standard();

  @Test
  void standardCatalogIsLoadedOnce() {
    assertThat(TopicCatalog.standard()).isSameAs(catalog);
  }

  @Test
  void countriesAreEveryIsoCodeInOrder() {
    List<Topic> expected = Arrays.stream(Locale.getISOCountries()).map(Topic::country).toList();

    assertThat(catalog.countries()).isEqualTo(expected).hasSize(249);
  }

  @Test
  void themesAreTheFixedSet() {
    assertThat(catalog.themes()).containsExactly(Topic.theme("diplomacy"), Topic.theme("conflict"),
        Topic.theme("economy"), Topic.theme("politics"), Topic.theme("climate"),
        Topic.theme("technology"), Topic.theme("health"));
  }

  @Test
  void allListsCountriesThenRegionsThenThemes() {
    List<Topic> all = catalog.all();

    assertThat(all).hasSize(249 + catalog.regions().size() + 7);
    assertThat(all.subList(0, 249)).isEqualTo(catalog.countries());
    assertThat(all.subList(249, 249 + catalog.regions().size())).isEqualTo(catalog.regions());
  }

  @Test
  void everyCountryButAntarcticaLiesInARegion() {
    List<Topic> regionless = catalog.countries().stream()
        .filter(country -> catalog.regionsOf(country).isEmpty()).toList();

    assertThat(regionless).containsExactly(Topic.country("AQ"));
  }

  @Test
  void everyTopicHasANameInEnglishAndIndonesian() {
    List<Topic> unnamed = catalog.all().stream()
        .filter(topic -> catalog.displayName(topic, "en").isBlank()
            || catalog.displayName(topic, "id").isBlank()
            || catalog.displayName(topic, "en").equals(topic.code()))
        .toList();

    assertThat(unnamed).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ID, southeast-asia asia",
      "RU, eastern-europe europe",
      "KP, east-asia asia",
      "EG, middle-east north-africa africa",
      "MX, north-america central-america americas latin-america",
      "ZA, southern-africa sub-saharan-africa africa",
      "southeast-asia, asia",
      "asia, ''",
  })
  void regionsOfIncludeParentsNearestFirst(String code, String regions) {
    Topic topic = code.length() == 2 && code.equals(code.toUpperCase(Locale.ROOT))
        ? Topic.country(code) : Topic.region(code);
    List<Topic> expected = Arrays.stream(regions.split(" ")).filter(s -> !s.isEmpty())
        .map(Topic::region).toList();

    assertThat(catalog.regionsOf(topic)).containsExactlyElementsOf(expected);
  }

  @Test
  void themesLieInNoRegion() {
    assertThat(catalog.regionsOf(Topic.theme("health"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "RU, RU", "ru, RU", "Rusia, RU", "russia, RU", "RUSSIA, RU", "Kremlin, RU", "Moskow, RU",
      "Korea Utara, KP", "north korea, KP", "Korut, KP", "Pyongyang, KP",
      "Amerika Serikat, US", "united states, US", "usa, US", "Gedung Putih, US",
      "Inggris, GB", "uk, GB", "Tiongkok, CN", "RRC, CN", "Jerman, DE", "Belanda, NL",
      "cote d'ivoire, CI", "Côte d’Ivoire, CI", "turkiye, TR", "Türkiye, TR", "Burma, MM",
      "Antigua and Barbuda, AG", "Antigua dan Barbuda, AG", "Jordan, JO", "Zelenskyy, UA",
  })
  void findAcceptsCountryCodesNamesAndAliasesInEitherLanguage(String name, String code) {
    assertThat(catalog.find(name)).contains(Topic.country(code));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Asia Tenggara, southeast-asia", "southeast asia, southeast-asia", "southeast-asia, southeast-asia",
      "SOUTHEAST ASIA, southeast-asia", "ASEAN, southeast-asia", "Timur Tengah, middle-east",
      "Eropa, europe", "Uni Eropa, europe", "eu, europe", "Amerika Latin, latin-america",
      "Afrika bagian selatan, southern-africa",
  })
  void findAcceptsIndonesianAndEnglishRegionNames(String name, String slug) {
    assertThat(catalog.find(name)).contains(Topic.region(slug));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "diplomasi, diplomacy", "Diplomacy, diplomacy", "pemilu, politics", "elections, politics",
      "Politik dan pemilu, politics", "bencana, climate", "Teknologi, technology", "kesehatan, health",
  })
  void findAcceptsThemeNamesInEitherLanguage(String name, String slug) {
    assertThat(catalog.find(name)).contains(Topic.theme(slug));
  }

  @Test
  void findReadsAsAsUnitedStatesOnlyForIndonesianReaders() {
    assertThat(catalog.find("AS", "id")).contains(Topic.country("US"));
    assertThat(catalog.find("as", "id-ID")).contains(Topic.country("US"));
    assertThat(catalog.find("AS")).contains(Topic.country("AS"));
    assertThat(catalog.find("AS", "en")).contains(Topic.country("AS"));
  }

  @Test
  void findIsEmptyForANameOfSeveralTopics() {
    assertThat(catalog.find("Korean Peninsula")).isEmpty();
  }

  @Test
  void findIsEmptyForAnUnknownName() {
    assertThat(catalog.find("Atlantis")).isEmpty();
    assertThat(catalog.find("  ")).isEmpty();
  }

  @Test
  void suggestOffersNearestNamesForATypo() {
    assertThat(catalog.suggest("Rusai", 3)).containsExactly(Topic.country("RU"));
    assertThat(catalog.suggest("Indonesa", 3)).containsExactly(Topic.country("ID"));
    assertThat(catalog.suggest("diplomsi", 3)).containsExactly(Topic.theme("diplomacy"));
  }

  @Test
  void suggestCompletesTheStartOfANameShortestFirst() {
    assertThat(catalog.suggest("asia teng", 5))
        .containsExactly(Topic.region("central-asia"), Topic.region("southeast-asia"));
  }

  @Test
  void suggestOffersEveryTopicOfAnAmbiguousName() {
    assertThat(catalog.suggest("Korean Peninsula", 5))
        .containsExactly(Topic.country("KP"), Topic.country("KR"));
  }

  @Test
  void suggestStopsAtMax() {
    assertThat(catalog.suggest("korea", 1)).containsExactly(Topic.country("KP"));
  }

  @Test
  void suggestIsEmptyWhenNothingIsNear() {
    assertThat(catalog.suggest("xyzzy", 5)).isEmpty();
    assertThat(catalog.suggest("", 5)).isEmpty();
  }

  @Test
  void suggestRejectsANegativeMax() {
    assertThatThrownBy(() -> catalog.suggest("Rusia", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max -1 is negative");
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "RU, id, Rusia", "RU, en, Russia", "KP, id, Korea Utara", "US, id, Amerika Serikat",
      "US, en-US, United States", "RU, fr, Russia", "RU, '', Russia", "RU, in, Rusia",
  })
  void displayNameOfACountryIsTheJdksName(String code, String language, String name) {
    assertThat(catalog.displayName(Topic.country(code), language)).isEqualTo(name);
  }

  @Test
  void displayNameOfARegionOrThemeComesFromTheDataFiles() {
    assertThat(catalog.displayName(Topic.region("southeast-asia"), "id")).isEqualTo("Asia Tenggara");
    assertThat(catalog.displayName(Topic.region("middle-east"), "en")).isEqualTo("Middle East");
    assertThat(catalog.displayName(Topic.theme("diplomacy"), "id")).isEqualTo("Diplomasi");
    assertThat(catalog.displayName(Topic.theme("climate"), "en")).isEqualTo("Climate and disasters");
  }

  @Test
  void displayNameTakesALocale() {
    assertThat(catalog.displayName(Topic.region("europe"), Locale.forLanguageTag("id-ID"))).isEqualTo("Eropa");
    assertThat(catalog.displayName(Topic.region("europe"), Locale.GERMANY)).isEqualTo("Europe");
  }

  @Test
  void displayNameOfAnUnknownTopicIsItsCode() {
    assertThat(catalog.displayName(Topic.region("atlantis"), "id")).isEqualTo("atlantis");
  }

  @Test
  void regionsOfAnUnknownTopicAreEmpty() {
    assertThat(catalog.regionsOf(Topic.region("atlantis"))).isEqualTo(Set.of());
  }

  @Test
  void findOfAnUnknownCodeIsEmptyNotAnError() {
    assertThat(catalog.find("XK")).isEqualTo(Optional.empty());
  }
}
