package warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

  private static final String ARTICLE = """
      MARCH 4, 2024
      World

      Kenya and Haiti Sign Police Deployment Agreement in Nairobi

      NAIROBI (Reuters) - Kenya and Haiti signed an agreement on Friday that clears the way for Kenyan police to lead a mission.

      The deal was signed by Kenyan President William Ruto at State House in Nairobi on Friday.
      """;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void parseJsonPrintsOneObjectPerArticleWithEveryField() throws Exception {
    Path file = Files.writeString(dir.resolve("kenya-haiti.txt"), ARTICLE);

    int code = run("parse", "--json", dir.toString());

    assertEquals(0, code);
    List<String> lines = out.toString().lines().toList();
    assertEquals(1, lines.size());
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.fieldNames()).toIterable().containsExactly("id", "path", "headline", "published", "lead",
        "lang", "source", "url", "section", "topics");
    assertEquals("kenya-haiti", json.get("id").asText());
    assertEquals(file.toString(), json.get("path").asText());
    assertEquals("Kenya and Haiti Sign Police Deployment Agreement in Nairobi", json.get("headline").asText());
    assertEquals("2024-03-04", json.get("published").asText());
    assertEquals("en", json.get("lang").asText());
    assertEquals("World", json.get("section").asText());
    assertThat(json.get("url").isNull()).isTrue();
    assertEquals("", err.toString());
  }

  @Test
  void unparseableFileGetsOneLineOnStderrAndTheOthersStillComeOut() throws Exception {
    Files.writeString(dir.resolve("good.txt"), ARTICLE);
    Path empty = Files.write(dir.resolve("empty.html"), new byte[0]);

    int code = run("parse", dir.toString());

    assertEquals(0, code);
    assertEquals(empty + ": empty file" + System.lineSeparator(), err.toString());
    assertThat(out.toString()).contains("Kenya and Haiti Sign Police Deployment Agreement in Nairobi");
  }

  @Test
  void exitCodeIsOneWhenNothingParsed() throws Exception {
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    Path missing = dir.resolve("missing.html");

    int code = run("parse", empty.toString(), missing.toString());

    assertEquals(1, code);
    assertEquals(List.of(missing + ": no such file or folder", empty + ": empty file"), err.toString().lines().toList());
  }

  @Test
  void parseWithoutPathIsBadUsage() {
    assertEquals(2, run("parse"));
    assertThat(err.toString()).contains("Missing required parameter");
  }

  @Test
  void noCommandRunsTheBotWhichWithoutATokenSaysHowToGetOne() {
    System.setProperty("database.path", dir.resolve("warta.db").toString());
    try {
      assertEquals(2, run());
    } finally {
      System.clearProperty("database.path");
    }
    assertThat(err.toString()).startsWith("run: no Telegram bot token. Create a bot with @BotFather");
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    assertThat(out.toString()).contains("parse", "eval");
  }

  @ParameterizedTest
  @ValueSource(strings = {"parse", "eval"})
  void everyCommandHasHelp(String command) {
    assertEquals(0, run(command, "--help"));
    assertThat(out.toString()).startsWith("Usage: warta " + command);
  }

  @Test
  void evalScoresAPredictionsFile() throws Exception {
    Files.writeString(dir.resolve("truth.jsonl"),
        "{\"id\":\"a\",\"source\":\"x/one@1:p\",\"headline\":\"Floods in Brazil\",\"published\":\"2024-05-03\",\"lead\":\"Heavy rain fell.\"}\n");
    Path predictions = Files.writeString(dir.resolve("predicted.jsonl"),
        "{\"id\":\"a\",\"headline\":\"Floods in Brazil\",\"published\":\"2024-05-03\",\"lead\":\"Heavy rain fell.\"}\n",
        StandardCharsets.UTF_8);

    int code = run("eval", dir.toString(), "--predictions", predictions.toString(), "--json");

    assertEquals(0, code);
    JsonNode figures = new ObjectMapper().readTree(out.toString());
    assertEquals(1.0, figures.get("headline_exact").asDouble());
    assertEquals(1.0, figures.get("date_accuracy").asDouble());
    assertEquals(1.0, figures.get("lead_f1_ge_08").asDouble());
  }

  @Test
  void evalOfAFolderWithoutTruthIsBadUsage() {
    assertEquals(2, run("eval", dir.toString()));
    assertEquals("eval: " + dir + " has no truth.jsonl" + System.lineSeparator(), err.toString());
  }
}
