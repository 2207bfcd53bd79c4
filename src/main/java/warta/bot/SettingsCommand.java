package warta.bot;

import java.util.List;
import warta.subscriber.Subscriber;

/** {@code /settings}: every preference of the chat at a glance. */
final class SettingsCommand implements Command {

  private final Registration registration;
  private final TopicWords words;
  private final Replies replies;

  SettingsCommand(Registration registration, TopicWords words, Replies replies) {
    this.registration = registration;
    this.words = words;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "settings";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    if (turn.reader().isEmpty() || turn.reader().get().status() == Subscriber.Status.STOPPED) {
      return replies.say(turn, "not.registered");
    }
    Subscriber reader = turn.reader().get();
    return replies.say(turn, "settings",
        replies.text(turn, reader.status() == Subscriber.Status.PAUSED ? "settings.paused" : "settings.on"),
        reader.deliveryTime(), reader.zone().getId(),
        reader.topics().isEmpty() ? replies.text(turn, "topics.none") : words.names(reader.topics(), turn.language()),
        replies.text(turn, reader.fallbackHeadlines() ? "settings.fallback.on" : "settings.fallback.off"));
  }
}
