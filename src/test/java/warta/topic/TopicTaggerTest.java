package warta.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

  private static final TopicTagger tagger = new TopicTagger(TopicCatalog.standard());

  private static final List<String> NO_BODY = List.of();

  @Test
  void headlineMentionMakesACountryTopic() {
    List<Topic> topics = tagger.tag("Chile raises interest rates again", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("CL"), region("south-america"),
        region("latin-america"), region("americas"), theme("economy"));
  }

  @Test
  void leadMentionMakesACountryTopic() {
    List<TopicScore> scores = tagger.score("Copper prices climb",
        "Mining output in Zambia fell for a third month.", NO_BODY, "en");

    assertThat(scores).containsExactly(score(country("ZM"), 2.0), score(region("east-africa"), 1.0),
        score(region("sub-saharan-africa"), 0.5), score(region("africa"), 0.25),
        score(theme("economy"), 3.0));
  }

  @Test
  void passingMentionDeepInBodyIsNotATopic() {
    List<String> body = new ArrayList<>(IntStream.rangeClosed(1, 12)
        .mapToObj(n -> "Passengers boarded the train at stop number " + n + ".").toList());
    body.set(8, "A similar line was built in Norway in the 1990s.");

    List<Topic> topics = tagger.tag("Kenya opens new rail line",
        "The line links Nairobi with the western town of Malaba.", body, "en");

    assertThat(topics).containsExactly(country("KE"), region("east-africa"),
        region("sub-saharan-africa"), region("africa"));
  }

  @Test
  void countryInTwoEarlyParagraphsIsATopic() {
    List<TopicScore> scores = tagger.score("Miners return to work", "", List.of(
        "Officials in Peru said the strike was over.", "Peru exports most of its copper to Asia."),
        "en");

    assertThat(scores).filteredOn(s -> s.topic().kind() == Topic.Kind.COUNTRY)
        .containsExactly(score(country("PE"), 2.0));
  }

  @Test
  void countryInOneEarlyParagraphIsNotATopic() {
    List<Topic> topics = tagger.tag("Miners return to work", "",
        List.of("Officials in Peru said the dispute was over."), "en");

    assertThat(topics).isEmpty();
  }

  @Test
  void repeatingACountryInOnePartCountsOnce() {
    List<TopicScore> scores = tagger.score("Sahel notebook", "Mali, Mali and again Mali: Bamako is calm.",
        NO_BODY, "en");

    assertThat(scores).filteredOn(s -> s.topic().kind() == Topic.Kind.COUNTRY)
        .containsExactly(score(country("ML"), 2.0));
  }

  @Test
  void bodyStartingWithTheLeadIsNotCountedTwice() {
    String lead = "Talks on the new dam stalled in Cairo.";
    List<String> rest = List.of("Engineers from Ethiopia and Sudan left on Monday.");
    List<String> withLead = new ArrayList<>(List.of(lead));
    withLead.addAll(rest);

    assertThat(tagger.score("Nile dam talks stall", lead, withLead, "en"))
        .isEqualTo(tagger.score("Nile dam talks stall", lead, rest, "en"));
  }

  @Test
  void uppercaseAsInIndonesianMeansUnitedStates() {
    List<Topic> topics = tagger.tag("Tarif Baru AS Tekan Ekspor Vietnam", "", NO_BODY, "id");

    assertThat(topics).containsExactly(country("US"), country("VN"), region("north-america"),
        region("southeast-asia"), region("americas"), region("asia"), theme("economy"));
  }

  @Test
  void uppercaseAsInEnglishIsNotACountry() {
    assertThat(tagger.tag("Students sit AS level exams this week", "", NO_BODY, "en")).isEmpty();
  }

  @Test
  void englishWordAsIsNotACountry() {
    assertThat(tagger.tag("As prices rise, shoppers cut back", "", NO_BODY, "en"))
        .containsExactly(theme("economy"));
  }

  @Test
  void englishWordUsIsNotACountry() {
    assertThat(tagger.tag("Join us for the festival", "", NO_BODY, "en")).isEmpty();
  }

  @Test
  void uppercaseUsInEnglishMeansUnitedStates() {
    List<Topic> topics = tagger.tag("US and Canada agree on border checks", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("CA"), country("US"), region("north-america"),
        region("americas"));
  }

  @Test
  void dottedUsMeansUnitedStates() {
    List<Topic> topics = tagger.tag("U.S. sanctions hit Iranian oil exports", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("IR"), country("US"), region("middle-east"),
        region("north-america"), region("americas"), theme("diplomacy"), theme("economy"));
  }

  @Test
  void shortFormsAreNotReadInAHeadlineWrittenInCapitals() {
    assertThat(tagger.tag("WHAT THE NEW RULES MEAN FOR US", "", NO_BODY, "en")).isEmpty();
    assertThat(tagger.tag("RUSIA DAN AS SEPAKAT", "", NO_BODY, "id"))
        .containsExactly(country("RU"), region("eastern-europe"), region("europe"));
  }

  @Test
  void lowercaseChinaIsPorcelainNotACountry() {
    assertThat(tagger.tag("Collectors pay record sums for antique china and silver", "", NO_BODY, "en"))
        .isEmpty();
  }

  @Test
  void indonesianNumberLimaIsNotPeru() {
    assertThat(tagger.tag("Lima orang tewas dalam banjir", "", NO_BODY, "id"))
        .containsExactly(theme("climate"));
  }

  @Test
  void firstNameJordanAloneIsNotACountry() {
    assertThat(tagger.tag("Jordan Peterson draws crowds on book tour", "", NO_BODY, "en")).isEmpty();
  }

  @Test
  void jordanCountsWhenTheCountryIsNamedUnambiguouslyToo() {
    List<TopicScore> scores = tagger.score("Jordan closes border crossing",
        "Authorities in Amman said the crossing would stay shut.", NO_BODY, "en");

    assertThat(scores).containsExactly(score(country("JO"), 5.0), score(region("middle-east"), 2.5));
  }

  @Test
  void georgiaAloneIsTheUsStateNotACountry() {
    assertThat(tagger.tag("Georgia votes in Senate runoff", "", NO_BODY, "en"))
        .containsExactly(theme("politics"));
  }

  @Test
  void turkeyInTitleCaseIsNotACountryWithoutAnUnambiguousName() {
    assertThat(tagger.tag("Roast Turkey Recipes for a Crowd", "", NO_BODY, "en")).isEmpty();
    assertThat(tagger.tag("Turkey Raises Interest Rates", "Ankara moved to calm markets.", NO_BODY, "en"))
        .containsExactly(country("TR"), region("middle-east"), theme("economy"));
  }

  @Test
  void nameOfSeveralCountriesTagsEachOfThem() {
    List<Topic> topics = tagger.tag("Tensions rise on the Korean Peninsula", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("KP"), country("KR"), region("east-asia"), region("asia"));
  }

  @Test
  void stemKeywordMatchesAnyEnding() {
    List<Topic> topics = tagger.tag("Negotiators return to Doha", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("QA"), region("middle-east"), theme("diplomacy"));
  }

  @Test
  void indonesianRegionNameInTextIsATopic() {
    List<TopicScore> scores = tagger.score("Ketegangan di Timur Tengah meningkat", "", NO_BODY, "id");

    assertThat(scores).containsExactly(score(region("middle-east"), 3.0));
  }

  @Test
  void blockedPhraseHidesTheCountryInsideIt() {
    assertThat(tagger.tag("New Jersey governor meets teachers", "", NO_BODY, "en")).isEmpty();
    assertThat(tagger.tag("Washington Post names new editor", "", NO_BODY, "en")).isEmpty();
  }

  @Test
  void longestNameWinsOverNamesInsideIt() {
    List<Topic> topics = tagger.tag("Papua New Guinea holds snap vote", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("PG"), region("pacific-islands"), region("oceania"),
        theme("politics"));
  }

  @Test
  void keywordThatIsAlsoAPlaceCountsForBoth() {
    List<Topic> topics = tagger.tag("Wall Street falls on rate fears", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("US"), region("north-america"), region("americas"),
        theme("economy"));
  }

  @Test
  void regionsShareACountrysScoreHalvedPerLevel() {
    List<TopicScore> scores = tagger.score("Floods hit central Vietnam", "", NO_BODY, "en");

    assertThat(scores).containsExactly(score(country("VN"), 3.0), score(region("southeast-asia"), 1.5),
        score(region("asia"), 0.75), score(theme("climate"), 3.0));
  }

  @Test
  void regionNamedDirectlyIsATopicWithItsParent() {
    List<TopicScore> scores = tagger.score("Haze returns to Southeast Asia", "", NO_BODY, "en");

    assertThat(scores).containsExactly(score(region("southeast-asia"), 3.0), score(region("asia"), 1.5));
  }

  @Test
  void regionalBodyCountsForItsRegion() {
    List<TopicScore> scores = tagger.score("Pemimpin ASEAN Bahas Krisis Myanmar", "", NO_BODY, "id");

    assertThat(scores).containsExactly(score(country("MM"), 3.0), score(region("southeast-asia"), 4.5),
        score(region("asia"), 2.25));
  }

  @Test
  void themeInTheHeadlineIsATopic() {
    List<Topic> topics = tagger.tag("Ceasefire holds in Sudan", "", NO_BODY, "en");

    assertThat(topics).containsExactly(country("SD"), region("north-africa"), region("africa"),
        theme("conflict"));
  }

  @Test
  void strayKeywordsAreNotAThemeTopic() {
    List<Topic> topics = tagger.tag("Ghana opens new cocoa port",
        "The port in Tema will handle most exports.",
        List.of("Dockers cheered.", "Critics said the election promises were vague."), "en");

    assertThat(topics).containsExactly(country("GH"), region("west-africa"),
        region("sub-saharan-africa"), region("africa"));
  }

  @Test
  void indonesianStoryOnRussiaAndNorthKoreaIsTaggedWithBothTheirRegionsAndDiplomacy() {
    List<Topic> topics = tagger.tag(
        "Rusia dan Korea Utara Semakin Akrab, Presiden Vladimir Putin akan Bertemu Menlu Choe Son Hui",
        "Hubungan Rusia - Korea Utara tampak makin akrab. Presiden Rusia Vladimir Putin akan bertemu "
            + "dengan Menteri Luar Negeri Korea Utara Choe Son Hui pada Selasa, 16 Januari 2024, kata Kremlin.",
        NO_BODY, "id");

    assertThat(topics).containsExactly(country("KP"), country("RU"), region("east-asia"),
        region("eastern-europe"), region("asia"), region("europe"), theme("diplomacy"));
  }

  @Test
  void germanTextKeepsCountriesFromNamesAndHasNoThemes() {
    List<Topic> topics = tagger.tag("Russland und Nordkorea vertiefen ihre Zusammenarbeit",
        "Kremlchef Wladimir Putin empfängt die Außenministerin Nordkoreas in Moskau.", NO_BODY, "de");

    assertThat(topics).containsExactly(country("RU"), country("KP"), region("eastern-europe"),
        region("east-asia"), region("europe"), region("asia"));
  }

  @Test
  void unknownLanguageReadsOnlyNamesThatHoldInEveryLanguage() {
    List<Topic> topics = tagger.tag("Tarif Baru AS Tekan Ekspor Vietnam", "", NO_BODY, "");

    assertThat(topics).containsExactly(country("VN"), region("southeast-asia"), region("asia"));
  }

  @Test
  void emptyArticleHasNoTopics() {
    assertThat(tagger.score("", "", NO_BODY, "en")).isEmpty();
  }

  @Test
  void taggingAThousandWordArticleTakesWellUnderAMillisecond() {
    String paragraph = IntStream.range(0, 50).mapToObj(i -> List.of("officials", "in", "Washington",
        "and", "Beijing", "said", "talks", "on", "trade", "tariffs", "would", "continue", "next",
        "week", "amid", "protests", "over", "prices", "in", "Jakarta").get(i % 20))
        .collect(Collectors.joining(" "));
    List<String> body = IntStream.range(0, 20).mapToObj(i -> paragraph).toList();
    for (int i = 0; i < 2_000; i++) {
      tagger.score("Trade talks resume", "Negotiators met in Geneva.", body, "en");
    }

    int runs = 2_000;
    long started = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      tagger.score("Trade talks resume", "Negotiators met in Geneva.", body, "en");
    }
    double millisPerArticle = (System.nanoTime() - started) / 1e6 / runs;

    assertThat(millisPerArticle).isLessThan(1.0);
  }

  private static Topic country(String code) {
    return Topic.country(code);
  }

  private static Topic region(String slug) {
    return Topic.region(slug);
  }

  private static Topic theme(String slug) {
    return Topic.theme(slug);
  }

  private static TopicScore score(Topic topic, double score) {
    return new TopicScore(topic, score);
  }
}
