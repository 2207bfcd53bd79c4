package warta.cli;

import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import warta.App;
import warta.health.HealthReport;

/** {@code warta health}: the operator's view, from the database; exit 1 when ingestion is failing or stale. */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Shows the last ingestion and delivery runs, article and subscriber counts, and failures of "
        + "the last 24 hours, from the database the bot writes to.",
        "Exit code: 0 healthy, 1 when the last ingestion failed or is older than an hour (a running bot "
            + "ingests every 10 minutes by default)."})
final class HealthCommand extends AppCommand {

  static final Duration STALE = Duration.ofHours(1);

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    HealthReport report = app.health(java.time.Clock.systemUTC());
    report.lines().forEach(out::println);
    boolean healthy = report.healthy(STALE);
    out.println(healthy ? "status: ok" : "status: attention: ingestion failed or has not run in the last hour");
    return healthy ? 0 : 1;
  }
}
