package warta.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warta.App;
import warta.article.StoryEntry;

/** {@code warta search QUERY [--json]}: full-text search of the stored articles. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Searches headlines, leads and story text; every word must match (accents ignored, "
        + "word* matches a prefix). Best matches first, recent ones favoured; one entry per story."})
final class SearchCommand extends AppCommand {

  @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words to find.")
  private List<String> words;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many stories (1-100, default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--json", description = "One JSON object per story per line.")
  private boolean json;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    if (limit < 1 || limit > 100) {
      err.println("search: --limit " + limit + " is not from 1 to 100");
      return 2;
    }
    String query = String.join(" ", words);
    List<StoryEntry> entries = app.articles().search(query, limit);
    if (json) {
      entries.forEach(e -> out.println(StoryLines.json(e)));
    } else if (entries.isEmpty()) {
      out.println("Nothing found for \"" + query + "\".");
    } else {
      out.print(StoryLines.readable(entries));
    }
    return 0;
  }
}
