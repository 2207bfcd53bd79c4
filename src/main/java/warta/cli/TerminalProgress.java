package warta.cli;

import java.io.PrintStream;
import warta.ingest.IngestProgress;

/** A progress bar on standard error, for long runs on a terminal; redrawn at most ten times a second. */
final class TerminalProgress implements IngestProgress {

  private static final int WIDTH = 30;
  private static final int MIN_FILES = 200;

  private final PrintStream terminal;
  private long lastDrawn;

  private TerminalProgress(PrintStream terminal) {
    this.terminal = terminal;
  }

  /** A bar when standard error is a terminal, else silence (logs and pipes get only the summary). */
  static IngestProgress forThisTerminal() {
    return System.console() != null ? new TerminalProgress(System.err) : IngestProgress.SILENT;
  }

  @Override
  public void filesDone(int done, int total) {
    if (total < MIN_FILES) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDrawn < 100_000_000L) {
      return;
    }
    lastDrawn = now;
    int filled = (int) ((long) WIDTH * done / total);
    terminal.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " files");
    if (done == total) {
      terminal.println();
    }
    terminal.flush();
  }
}
