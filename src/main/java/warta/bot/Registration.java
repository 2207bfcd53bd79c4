package warta.bot;

import java.util.Set;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/** Registers a chat with the defaults the first time it changes a setting or sends /start. */
final class Registration {

  private final SubscriberStore subscribers;
  private final Defaults defaults;

  Registration(SubscriberStore subscribers, Defaults defaults) {
    this.subscribers = subscribers;
    this.defaults = defaults;
  }

  /** The chat's subscription, created with the defaults (in the turn's language) when it has none. */
  Subscriber ensure(Turn turn) {
    if (turn.reader().isPresent() && turn.reader().get().status() != Subscriber.Status.STOPPED) {
      return turn.reader().get();
    }
    return subscribers.register(new Subscriber(turn.chatId(), turn.in().chatType(), turn.language(),
        defaults.zoneFor(turn.language()), defaults.deliveryTime(), Subscriber.Status.ACTIVE, true, Set.of()));
  }
}
