package warta.bot;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/** {@code /time HH:MM}: when the daily digest comes, in the reader's zone. */
final class TimeCommand implements Command {

  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

  private final Registration registration;
  private final SubscriberStore subscribers;
  private final Replies replies;

  TimeCommand(Registration registration, SubscriberStore subscribers, Replies replies) {
    this.registration = registration;
    this.subscribers = subscribers;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "time";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    Matcher m = TIME.matcher(arguments.strip());
    LocalTime time;
    try {
      if (!m.matches()) {
        throw new DateTimeParseException("not HH:MM", arguments, 0);
      }
      time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (java.time.DateTimeException e) {
      return replies.say(turn, "time.usage");
    }
    Subscriber reader = registration.ensure(turn);
    subscribers.setDeliveryTime(reader.chatId(), time);
    boolean passed = registration.nextDigestTomorrowIfTimePassed(reader.chatId());
    return replies.say(turn, "time.set", time, reader.zone().getId(), passed ? replies.text(turn, "time.tomorrow") : "");
  }
}
