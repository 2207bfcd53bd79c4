package warta.bot;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import warta.digest.TelegramHtml;

/**
 * {@code /health}: the operator's view (last runs, counts, failures) in the admin chats named in
 * the settings; to anyone else it is an unknown command.
 */
final class HealthCommand implements Command {

  private final Set<Long> adminChats;
  private final Supplier<List<String>> health;
  private final Replies replies;

  HealthCommand(Set<Long> adminChats, Supplier<List<String>> health, Replies replies) {
    this.adminChats = Set.copyOf(adminChats);
    this.health = health;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "health";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    if (!adminChats.contains(turn.chatId())) {
      return replies.say(turn, "unknown.command", name());
    }
    return List.of(Reply.text("<pre>" + TelegramHtml.escape(String.join("\n", health.get())) + "</pre>"));
  }
}
