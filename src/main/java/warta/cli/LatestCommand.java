package warta.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warta.App;
import warta.article.StoryEntry;
import warta.topic.Topic;

/** {@code warta latest [--topic T] [--limit N] [--json]}: the latest headlines from the store. */
@Command(name = "latest", mixinStandardHelpOptions = true,
    description = "The latest international headlines in the store, one entry per story, newest first.")
final class LatestCommand extends AppCommand {

  @Option(names = "--topic", paramLabel = "T",
      description = "A country, region or theme: a code (RU), a name or alias in English or Indonesian (Rusia, Asia Tenggara).")
  private String topic;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many stories (1-100, default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--json", description = "One JSON object per story per line.")
  private boolean json;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    if (limit < 1 || limit > 100) {
      err.println("latest: --limit " + limit + " is not from 1 to 100");
      return 2;
    }
    Optional<Topic> chosen = Optional.empty();
    if (topic != null) {
      chosen = app.topics().find(topic);
      if (chosen.isEmpty()) {
        List<String> near = app.topics().suggest(topic, 3).stream()
            .map(t -> app.topics().displayName(t, "en") + " (" + t.code() + ")").toList();
        err.println("latest: unknown topic \"" + topic + "\"" + (near.isEmpty() ? "" : "; try: " + String.join(", ", near)));
        return 2;
      }
    }
    List<StoryEntry> entries = app.articles().latest(chosen, limit);
    if (json) {
      entries.forEach(e -> out.println(StoryLines.json(e)));
    } else if (entries.isEmpty()) {
      out.println("No stories" + chosen.map(t -> " on " + app.topics().displayName(t, "en")).orElse("")
          + " yet: run warta ingest.");
    } else {
      out.print(StoryLines.readable(entries));
    }
    return 0;
  }
}
