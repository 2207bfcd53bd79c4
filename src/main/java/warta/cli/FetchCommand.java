package warta.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warta.App;
import warta.fetch.FetchReport;
import warta.fetch.PoliteFetcher;
import warta.ingest.IngestProgress;

/** {@code warta fetch [--source URL]}: one fetch of the news sources now, then ingestion of what came. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = {"Fetches the news sources once (those not backing off or paused), stores the pages of new "
        + "items under the articles folder and ingests them. Prints the fetch summary, every failure, and the "
        + "ingestion summary.",
        "Exit code: 0 when the fetch ran (failures are listed), 1 when every source failed or none is listed, "
            + "2 for bad usage."})
final class FetchCommand extends AppCommand {

  @Option(names = "--source", paramLabel = "URL",
      description = "Fetch only this source of the sources file, now, even if it is backing off or paused "
          + "(an answer ends its pause).")
  private URI source;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    FetchReport report;
    try (PoliteFetcher fetcher = app.fetcher()) {
      try {
        report = source != null ? app.fetchRun(fetcher).runOne(source) : app.fetchRun(fetcher).run();
      } catch (IllegalArgumentException e) {
        err.println("fetch: " + e.getMessage());
        return 2;
      }
    }
    out.println(report.summary());
    report.failures().forEach(failure -> out.println("  failed: " + failure));
    if (report.pagesSaved() > 0 && Files.isDirectory(app.settings().articlesDir())) {
      out.println(app.ingest().ingest(app.settings().articlesDir(), IngestProgress.SILENT));
    }
    boolean nothing = report.sources() == 0 || report.failedSources() == report.sources();
    if (report.sources() == 0) {
      app.sourceList().problems().forEach(problem -> err.println("fetch: " + problem));
    }
    return nothing ? 1 : 0;
  }
}
