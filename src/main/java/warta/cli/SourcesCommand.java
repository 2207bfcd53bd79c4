package warta.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warta.App;
import warta.fetch.SourceList;
import warta.fetch.SourceStatus;

/** {@code warta sources [--resume URL]}: the news sources and how fetching them goes. */
@Command(name = "sources", mixinStandardHelpOptions = true,
    description = {"Lists the news sources of the sources file (setting sources.file) with their status: ok, "
        + "failing (with the last error and the next try) or paused, and their counts of items and pages.",
        "Exit code: 0 when every source is fine, 1 when one is failing or paused or the file has problems, "
            + "2 for bad usage."})
final class SourcesCommand extends AppCommand {

  @Option(names = "--resume", paramLabel = "URL",
      description = "End the pause and backoff of this source: the next fetch tries it.")
  private URI resume;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    SourceList list = app.sourceList();
    if (resume != null) {
      if (list.find(resume).isEmpty()) {
        err.println("sources: " + resume + " is not in " + app.settings().fetch().sourcesFile());
        return 2;
      }
      app.sources().resume(resume);
      out.println("resumed: " + resume + " (the next fetch tries it)");
    }
    List<SourceStatus> statuses = SourceStatus.of(list, app.sources().states());
    Instant now = Instant.now();
    out.println(app.settings().fetch().sourcesFile() + ": " + statuses.size() + " sources");
    statuses.forEach(status -> out.println("  " + status.describe(now)));
    list.problems().forEach(problem -> out.println("problem: " + problem));
    boolean fine = list.problems().isEmpty() && statuses.stream().noneMatch(SourceStatus::failing);
    return fine ? 0 : 1;
  }
}
