package warta.bot;

import java.util.List;
import warta.subscriber.Subscriber;

/** {@code /start}: registers the chat with the defaults and greets; a second /start says where things stand. */
final class StartCommand implements Command {

  private final Registration registration;
  private final Replies replies;

  StartCommand(Registration registration, Replies replies) {
    this.registration = registration;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "start";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    boolean known = turn.reader().filter(r -> r.status() == Subscriber.Status.ACTIVE
        || r.status() == Subscriber.Status.PAUSED).isPresent();
    Subscriber reader = registration.ensure(turn);
    return replies.say(turn, known ? "start.again" : "start.greeting", reader.deliveryTime(), reader.zone().getId());
  }
}
