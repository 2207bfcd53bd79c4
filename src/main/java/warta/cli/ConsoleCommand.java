package warta.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warta.App;
import warta.bot.Incoming;
import warta.bot.Reply;
import warta.digest.TelegramHtml;
import warta.subscriber.Subscriber;

/**
 * {@code warta console}: the bot's conversation in the terminal, with no token, on the
 * configured database: type commands as in Telegram; a number presses a button of the last reply.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Talks to Warta in the terminal as a Telegram reader would, without a bot token: "
        + "type /start, /latest, /subscribe Rusia ... ; a number presses a button of the last reply; "
        + "an empty line or Ctrl-D ends. Ingests articles.dir first, as the bot does at start."})
final class ConsoleCommand extends AppCommand {

  /** The console reader's chat: far from any real Telegram chat id. */
  static final long CHAT = 1L;

  @Option(names = "--language", paramLabel = "L", description = "id or en (default: from the system locale).")
  private String language;

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    String languageCode = language != null ? language : Locale.getDefault().getLanguage();
    if (java.nio.file.Files.isDirectory(app.settings().articlesDir())) {
      // As the bot does at start, so that /latest has the stored articles to show.
      out.println(app.ingest().ingest(app.settings().articlesDir(), warta.ingest.IngestProgress.SILENT));
    }
    out.println("Warta console (database " + app.settings().databaseFile() + "). Try /start, /latest, /help; "
        + "an empty line ends.");
    out.flush();
    List<Reply.Button> buttons = new ArrayList<>();
    int messageId = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = prompt(in, out); line != null && !line.isBlank(); line = prompt(in, out)) {
        Incoming incoming;
        String typed = line.strip();
        if (typed.matches("\\d{1,3}") && !buttons.isEmpty()) {
          int n = Integer.parseInt(typed);
          if (n < 1 || n > buttons.size()) {
            out.println("(no button " + n + ")");
            continue;
          }
          incoming = Incoming.button(CHAT, Subscriber.ChatType.PRIVATE, CHAT, languageCode,
              new Incoming.Callback("console", buttons.get(n - 1).data(), messageId), () -> true);
        } else {
          incoming = Incoming.message(CHAT, Subscriber.ChatType.PRIVATE, CHAT, languageCode, typed, () -> true);
        }
        for (Reply reply : app.conversation().handle(incoming)) {
          reply.buttonNotice().filter(n -> !n.isEmpty()).ifPresent(n -> out.println("(" + n + ")"));
          if (!reply.text().isEmpty()) {
            out.println(TelegramHtml.toPlainText(reply.text()));
          }
          if (!reply.buttons().isEmpty()) {
            buttons.clear();
            reply.buttons().forEach(buttons::addAll);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < buttons.size(); i++) {
              row.append(String.format("[%d] %s  ", i + 1, buttons.get(i).label()));
            }
            out.println(row.toString().strip());
          }
          messageId++;
        }
        out.flush();
      }
    } catch (IOException e) {
      err.println("console: cannot read the terminal: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static String prompt(BufferedReader in, PrintWriter out) throws IOException {
    out.print("> ");
    out.flush();
    return in.readLine();
  }
}
