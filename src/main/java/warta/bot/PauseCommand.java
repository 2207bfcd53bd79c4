package warta.bot;

import java.util.List;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/** {@code /pause} and {@code /resume}: stop and restart the daily digest, keeping everything else. */
final class PauseCommand implements Command {

  private final boolean pausing;
  private final Registration registration;
  private final SubscriberStore subscribers;
  private final Replies replies;

  PauseCommand(boolean pausing, Registration registration, SubscriberStore subscribers, Replies replies) {
    this.pausing = pausing;
    this.registration = registration;
    this.subscribers = subscribers;
    this.replies = replies;
  }

  @Override
  public String name() {
    return pausing ? "pause" : "resume";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    Subscriber reader = registration.ensure(turn);
    Subscriber.Status wanted = pausing ? Subscriber.Status.PAUSED : Subscriber.Status.ACTIVE;
    if (reader.status() == wanted) {
      return replies.say(turn, pausing ? "pause.already" : "resume.already");
    }
    subscribers.setStatus(reader.chatId(), wanted);
    return pausing ? replies.say(turn, "pause.done") : replies.say(turn, "resume.done", reader.deliveryTime());
  }
}
