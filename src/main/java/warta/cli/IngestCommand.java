package warta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warta.App;
import warta.ingest.IngestReport;

/** {@code warta ingest [--dir D]}: one ingestion now. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Ingests the stored articles folder once: new or changed files are parsed and stored, "
        + "each in its story; unchanged files are skipped. Ends with one summary line.",
        "Exit code: 0 when the run completed (rejected files are counted, not errors), 1 when it failed, 2 for bad usage."})
final class IngestCommand extends AppCommand {

  @Option(names = "--dir", paramLabel = "D", description = "Folder to ingest (default: the articles.dir setting).")
  private Path dir;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    Path folder = dir != null ? dir : app.settings().articlesDir();
    if (!Files.isDirectory(folder)) {
      err.println("ingest: " + folder + " is not a folder (set articles.dir or pass --dir)");
      return 2;
    }
    IngestReport report = app.ingest().ingest(folder, TerminalProgress.forThisTerminal());
    out.println(report);
    return 0;
  }
}
