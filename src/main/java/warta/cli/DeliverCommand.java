package warta.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warta.App;
import warta.delivery.DeliveryRun;
import warta.delivery.Outbox;
import warta.delivery.RunReport;
import warta.digest.TelegramHtml;

/** {@code warta deliver [--dry-run]}: the due digests now, or who is due soon and what each would get. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
    description = {"Sends the daily digests that are due now (as the running bot does every minute), resuming "
        + "any left unfinished; needs the bot token. With --dry-run, shows who is due within --within "
        + "(default 1h) and what each would receive, and sends and records nothing."})
final class DeliverCommand extends AppCommand {

  @Option(names = "--dry-run", description = "Show, do not send.")
  private boolean dryRun;

  @Option(names = "--within", paramLabel = "DURATION", defaultValue = "1h",
      description = "With --dry-run: how far ahead to look, e.g. 1h, 30m (default ${DEFAULT-VALUE}).")
  private String within;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    if (dryRun) {
      Duration ahead;
      try {
        ahead = Duration.parse("PT" + within.toUpperCase(java.util.Locale.ROOT));
      } catch (DateTimeParseException e) {
        err.println("deliver: --within " + within + " is not a duration like 1h or 30m");
        return 2;
      }
      List<DeliveryRun.Preview> due = app.deliveryPreview(ahead);
      out.println(due.size() + " digests due within " + within + (due.isEmpty() ? "." : ":"));
      for (DeliveryRun.Preview p : due) {
        out.println("chat " + p.due().reader().chatId() + " · " + p.due().date() + " " + p.due().reader().deliveryTime()
            + " " + p.due().reader().zone().getId() + " · " + p.digest().stories().size() + " stories"
            + (p.digest().nothingNew() ? " (nothing new on the topics)" : "") + " · " + p.digest().parts().size()
            + " message(s)");
        String first = TelegramHtml.toPlainText(p.digest().parts().get(0));
        first.lines().limit(8).forEach(line -> out.println("    " + line));
      }
      return 0;
    }
    if (app.settings().botToken().isEmpty()) {
      err.println("deliver: no Telegram bot token (TELEGRAM_BOT_TOKEN); try deliver --dry-run");
      return 2;
    }
    try (Outbox outbox = app.outbox()) {
      RunReport report = app.deliveryRun(outbox).run();
      out.println(report);
      long id = app.jobs().started("delivery");
      app.jobs().finished(id, report.failed() == 0, report.toString());
      return report.failed() == 0 ? 0 : 1;
    }
  }
}
