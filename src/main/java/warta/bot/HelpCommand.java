package warta.bot;

import java.util.List;

/** {@code /help}: every command in one message. */
final class HelpCommand implements Command {

  private final Replies replies;

  HelpCommand(Replies replies) {
    this.replies = replies;
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    return replies.say(turn, "help");
  }
}
