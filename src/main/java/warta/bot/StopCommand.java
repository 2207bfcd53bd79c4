package warta.bot;

import java.util.List;
import warta.subscriber.SubscriberStore;

/**
 * {@code /stop}: asks for confirmation with two buttons; "yes" unsubscribes and deletes the
 * chat's data (topics, settings, delivery ledger). Buttons send {@code stop:yes} / {@code stop:no}.
 */
final class StopCommand implements Command {

  static final String PREFIX = "stop:";

  private final SubscriberStore subscribers;
  private final Replies replies;

  StopCommand(SubscriberStore subscribers, Replies replies) {
    this.subscribers = subscribers;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "stop";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    return List.of(Reply.withButtons(replies.text(turn, "stop.confirm"), List.of(List.of(
        new Reply.Button(replies.text(turn, "stop.yes"), PREFIX + "yes"),
        new Reply.Button(replies.text(turn, "stop.no"), PREFIX + "no")))));
  }

  List<Reply> button(Turn turn, Incoming.Callback callback) {
    if (callback.data().equals(PREFIX + "yes")) {
      subscribers.delete(turn.chatId());
      return List.of(Reply.text(replies.text(turn, "stop.done")).replacing(callback.messageId()));
    }
    return List.of(Reply.text(replies.text(turn, "stop.kept")).replacing(callback.messageId()));
  }
}
