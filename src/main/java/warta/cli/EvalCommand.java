package warta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import warta.article.Article;
import warta.article.ArticleParsers;
import warta.article.ParseOutcome;
import warta.evaluation.Evaluation;
import warta.evaluation.PageScore;
import warta.evaluation.Prediction;
import warta.evaluation.Scorecard;
import warta.evaluation.Truth;

/** {@code warta eval CORPUS}: the parser's accuracy on a corpus with ground truth. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Scores the parser (or a predictions file) on a corpus folder of <id>.html pages with a truth.jsonl:",
        "headline exact match and token F1, date on the right day and coverage, lead token F1, overall and per source."})
final class EvalCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "CORPUS", description = "Folder with <id>.html pages and truth.jsonl.")
  private Path corpus;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "Score these JSON lines ({\"id\", \"headline\", \"published\", \"lead\"}) instead of parsing.")
  private Path predictions;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  private boolean json;

  @Option(names = "--details", paramLabel = "FILE", description = "Write every page's prediction and score as JSON lines.")
  private Path details;

  @Option(names = "--worst", paramLabel = "N", defaultValue = "0",
      description = "Also list the N pages with the lowest lead F1 and the headlines and dates missed.")
  private int worst;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Evaluation evaluation;
    try {
      evaluation = Evaluation.of(corpus);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("eval: " + e.getMessage());
      return 2;
    }
    Map<String, Prediction> predicted = predictions == null ? parseAll(evaluation) : read(predictions);
    Scorecard card = evaluation.score(predicted);
    if (details != null) {
      writeDetails(card, details);
    }
    if (json) {
      out.println(card.json());
    } else {
      out.println("Corpus: " + corpus + " (" + card.overall().pages() + " pages)"
          + (predictions == null ? "" : ", predictions from " + predictions));
      out.print(card.table());
      if (worst > 0) {
        out.print(worstPages(card, worst));
      }
    }
    out.flush();
    return 0;
  }

  private static Map<String, Prediction> parseAll(Evaluation evaluation) {
    ArticleParsers parsers = Parsers.standard();
    Map<String, Prediction> predicted = new HashMap<>();
    ParallelParse.inOrder(evaluation.truths(), truth -> parsers.parse(evaluation.page(truth)), outcome -> {
      if (outcome instanceof ParseOutcome.Parsed p) {
        Article a = p.article();
        predicted.put(a.id(), new Prediction(a.id(), a.headline(), a.published().map(Object::toString), a.lead()));
      }
    });
    return predicted;
  }

  private static Map<String, Prediction> read(Path file) throws IOException {
    Map<String, Prediction> predicted = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      String id = node.path("id").asText("");
      predicted.put(id, new Prediction(id, text(node, "headline"),
          Optional.of(text(node, "published")).filter(s -> !s.isEmpty()), text(node, "lead")));
    }
    return predicted;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : "";
  }

  private static void writeDetails(Scorecard card, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (PageScore score : card.pages()) {
      Truth truth = score.truth();
      Prediction p = score.prediction();
      ObjectNode node = JSON.createObjectNode();
      node.put("id", truth.id());
      node.put("source", truth.source());
      node.put("headline", p.headline());
      node.put("headline_truth", truth.headlines().isEmpty() ? null : truth.headlines().get(0));
      score.headlineExact().ifPresent(v -> node.put("headline_exact", v));
      node.put("published", p.published().orElse(null));
      node.put("published_truth", truth.published().orElse(null));
      score.dateRight().ifPresent(v -> node.put("date_right", v));
      node.put("lead", p.lead());
      node.put("lead_truth", truth.leads().isEmpty() ? null : truth.leads().get(0));
      if (score.leadF1().isPresent()) {
        node.put("lead_f1", Math.round(score.leadF1().getAsDouble() * 1000) / 1000.0);
      }
      lines.add(node.toString());
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static String worstPages(Scorecard card, int n) {
    StringBuilder out = new StringBuilder("\nLowest lead F1:\n");
    card.pages().stream().filter(s -> s.leadF1().isPresent())
        .sorted(Comparator.comparingDouble(s -> s.leadF1().getAsDouble()))
        .limit(n)
        .forEach(s -> out.append(String.format("  %.2f %-24s %s%n", s.leadF1().getAsDouble(), s.truth().id(),
            abbreviate(s.prediction().lead()))));
    out.append("Headlines missed:\n");
    card.pages().stream().filter(s -> s.headlineExact().map(v -> !v).orElse(false)).limit(n)
        .forEach(s -> out.append(String.format("  %-24s %s%n  %-24s %s%n", s.truth().id(),
            abbreviate(s.prediction().headline()), "  truth:", abbreviate(s.truth().headlines().get(0)))));
    out.append("Dates missed:\n");
    card.pages().stream().filter(s -> s.dateRight().map(v -> !v).orElse(false)).limit(n)
        .forEach(s -> out.append(String.format("  %-24s %-28s truth %s%n", s.truth().id(),
            s.prediction().published().orElse("-"), s.truth().published().orElse("-"))));
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 110 ? text : text.substring(0, 107) + "...";
  }
}
