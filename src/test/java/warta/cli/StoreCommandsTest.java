package warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest, latest and search end to end: settings from system properties, a real database file. */
class StoreCommandsTest {

  @TempDir
  Path dir;

  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void settings() throws Exception {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(articles.resolve("kenya.txt"), """
        MARCH 4, 2024
        World

        Kenya and Haiti Sign Police Deployment Agreement in Nairobi

        NAIROBI (Reuters) - Kenya and Haiti signed an agreement on Friday that clears the way for Kenyan police officers to lead a security mission in Haiti, officials said.
        """);
    System.setProperty("database.path", dir.resolve("warta.db").toString());
    System.setProperty("articles.dir", articles.toString());
    System.setProperty("warta.config", dir.resolve("no-such.properties").toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty("database.path");
    System.clearProperty("articles.dir");
    System.clearProperty("warta.config");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void ingestPrintsItsSummaryAndLatestShowsTheStory() {
    assertEquals(0, run("ingest"));
    assertThat(out.toString()).startsWith("ingest: 1 scanned, 1 new, 0 changed, 0 unchanged, 0 rejected");

    assertEquals(0, run("latest", "--topic", "haiti"));
    assertThat(out.toString()).startsWith("1. Kenya and Haiti Sign Police Deployment Agreement in Nairobi\n"
        + "   2024-03-04\n   Kenya and Haiti signed an agreement");
  }

  @Test
  void searchFindsTheStoryByAWordInItsLead() {
    run("ingest");

    assertEquals(0, run("search", "police", "--json"));

    List<String> lines = out.toString().lines().toList();
    assertEquals(1, lines.size());
    assertThat(lines.get(0)).contains("\"headline\":\"Kenya and Haiti Sign Police Deployment Agreement in Nairobi\"");
  }

  @Test
  void unknownTopicIsBadUsageWithSuggestions() {
    assertEquals(2, run("latest", "--topic", "Rusiaa"));
    assertEquals("latest: unknown topic \"Rusiaa\"; try: Russia (RU)", err.toString().strip());
  }

  @Test
  void badSettingIsReportedWithItsKeyAndExitsTwo() {
    System.setProperty("ingest.cron", "sometimes");
    try {
      assertEquals(2, run("ingest"));
    } finally {
      System.clearProperty("ingest.cron");
    }
    assertThat(err.toString()).contains("-Dingest.cron: ingest.cron=sometimes is not a Quartz cron expression");
  }
}
