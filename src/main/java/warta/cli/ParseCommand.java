package warta.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import warta.article.Article;
import warta.article.ArticleParsers;
import warta.article.ParseOutcome;
import warta.topic.Topic;

/** {@code warta parse PATH... [--json]}: stored articles as digest entries. */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = {"Parses stored articles (saved HTML pages or scraped plain text) into digest entries.",
        "A file that cannot be parsed gets one line on standard error; the others still come out.",
        "Exit code: 0 when at least one article parsed, 1 when none did, 2 for bad usage."})
final class ParseCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "A stored article file, or a folder to walk recursively.")
  private List<Path> paths;

  @Option(names = "--json", description = "One JSON object per article per line.")
  private boolean json;

  @Option(names = "--timings", paramLabel = "FILE",
      description = "Also write how long each file took to parse, in-process: {\"id\", \"bytes\", \"ms\"} per line.")
  private Path timings;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> missing = new ArrayList<>();
    List<Path> files = StoredFiles.expand(paths, missing);
    missing.forEach(path -> err.println(path + ": no such file or folder"));
    ArticleParsers parsers = Parsers.standard();
    int[] parsed = {0};
    List<String> timed = new ArrayList<>();
    ParallelParse.inOrder(files, file -> timed(parsers, file), result -> {
      ParseOutcome outcome = result.outcome();
      timed.add(result.json());
      if (outcome instanceof ParseOutcome.Parsed p) {
        parsed[0]++;
        out.println(json ? ArticleJson.line(p.article()) : readable(p.article()));
      } else if (outcome instanceof ParseOutcome.Rejected r) {
        err.println(r.file() + ": " + r.reason());
      }
      out.flush();
    });
    err.flush();
    if (timings != null) {
      try {
        Files.write(timings, timed, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(timings + ": cannot write timings: " + e.getMessage());
      }
    }
    return parsed[0] > 0 ? 0 : 1;
  }

  /** One file's outcome and how long parsing it took. */
  private record Timed(ParseOutcome outcome, long bytes, long nanos) {
    String json() {
      ObjectNode line = JsonNodeFactory.instance.objectNode();
      line.put("id", ArticleParsers.idOf(outcome.file()));
      line.put("bytes", bytes);
      line.put("ms", Math.round(nanos / 1e3) / 1e3);
      return line.toString();
    }
  }

  private static Timed timed(ArticleParsers parsers, Path file) {
    long started = System.nanoTime();
    ParseOutcome outcome = parsers.parse(file);
    long nanos = System.nanoTime() - started;
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      bytes = -1;
    }
    return new Timed(outcome, bytes, nanos);
  }

  private static String readable(Article article) {
    StringBuilder entry = new StringBuilder();
    entry.append(article.headline().isEmpty() ? "(no headline)" : article.headline()).append('\n');
    List<String> facts = new ArrayList<>();
    facts.add(article.published().map(Object::toString).orElse("date unknown"));
    for (String fact : List.of(article.source(), article.language(), article.section())) {
      if (!fact.isEmpty()) {
        facts.add(fact);
      }
    }
    entry.append("  ").append(String.join(" · ", facts)).append('\n');
    entry.append("  ").append(article.lead().isEmpty() ? "(no lead)" : article.lead()).append('\n');
    if (!article.url().isEmpty()) {
      entry.append("  ").append(article.url()).append('\n');
    }
    if (!article.topics().isEmpty()) {
      entry.append("  topics: ")
          .append(article.topics().stream().map(Topic::code).collect(Collectors.joining(", ")))
          .append('\n');
    }
    entry.append("  file: ").append(article.file()).append('\n');
    return entry.toString();
  }
}
