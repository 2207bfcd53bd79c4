package warta.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicFilesTest {

  @Test
  void standardDataHasNoProblems() {
    assertThat(new TopicFiles("topics").problems()).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnceWithFileAndLine() {
    assertThatThrownBy(() -> TopicCatalog.load("topics/broken"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(String.join("\n",
            "topic data in topics/broken has 17 problems:",
            "topics/broken/regions.tsv:8: 2 columns, expected 4-5 separated by tabs",
            "topics/broken/regions.tsv:3: member XX of east-asia is not an ISO 3166 alpha-2 country code",
            "topics/broken/regions.tsv:4: region slug Bad_Slug is malformed (expected e.g. east-asia)",
            "topics/broken/regions.tsv:7: region east-asia is declared twice",
            "topics/broken/regions.tsv:3: parent asai of east-asia is not a region in regions.tsv",
            "topics/broken/regions.tsv:5: region loop-a is its own ancestor",
            "topics/broken/regions.tsv:6: region loop-b is its own ancestor",
            "topics/broken/country-aliases.tsv:2: XX is not an ISO 3166 alpha-2 country code",
            "topics/broken/country-aliases.tsv:3: unknown option case,weak"
                + " (expected case or lang=id,ms or weak, separated by spaces)",
            "topics/broken/country-aliases.tsv:4: \"Kremlin\" for RU is already listed at"
                + " topics/broken/country-aliases.tsv:1",
            "topics/broken/country-aliases.tsv:5: language xyz is not an ISO 639-1 code",
            "topics/broken/country-aliases.tsv:6: \"...\" has no words",
            "topics/broken/region-aliases.tsv: missing from the classpath",
            "topics/broken/theme-keywords.tsv:2: sports is not a theme in themes.tsv",
            "topics/broken/theme-keywords.tsv:3: language english is not an ISO 639-1 code",
            "topics/broken/theme-keywords.tsv:4: stem \"ab*\" must be one word of at least 4 letters,"
                + " not matched by exact case",
            "topics/broken/theme-keywords.tsv:4: stem \"foreign minist*\" must be one word of at least"
                + " 4 letters, not matched by exact case"));
  }
}
