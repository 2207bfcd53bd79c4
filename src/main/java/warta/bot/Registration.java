package warta.bot;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Set;
import warta.delivery.DeliveryLedger;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/**
 * Registers a chat with the defaults the first time it changes a setting or sends /start, and
 * keeps the first digest rule: a delivery time that has already passed today means tomorrow's
 * digest, not one at once (a /digest asked for is another matter).
 */
final class Registration {

  private final SubscriberStore subscribers;
  private final Defaults defaults;
  private final DeliveryLedger ledger;
  private final Clock clock;

  Registration(SubscriberStore subscribers, Defaults defaults, DeliveryLedger ledger, Clock clock) {
    this.subscribers = subscribers;
    this.defaults = defaults;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * After a new registration or a change of time or zone: when the chat's delivery time has
   * passed today and today's digest has not gone out, today's is skipped: the next comes tomorrow.
   * When the time is still ahead today, a digest skipped for today is due again. Returns whether
   * the time has passed today (the next digest comes tomorrow then).
   */
  boolean nextDigestTomorrowIfTimePassed(long chatId) {
    Subscriber reader = subscribers.require(chatId);
    ZonedDateTime now = clock.instant().atZone(reader.zone());
    if (now.toLocalTime().isBefore(reader.deliveryTime())) {
      // A later time today, after today's was skipped for an earlier one: today's is on again.
      ledger.unskip(chatId, now.toLocalDate());
      return false;
    }
    if (!ledger.hasDigestFor(chatId, now.toLocalDate())) {
      ledger.skip(chatId, now.toLocalDate(), "delivery time set after it had passed");
    }
    return true;
  }

  /** The chat's subscription, created with the defaults (in the turn's language) when it has none. */
  Subscriber ensure(Turn turn) {
    if (turn.reader().isPresent() && turn.reader().get().status() != Subscriber.Status.STOPPED) {
      return turn.reader().get();
    }
    boolean isNew = turn.reader().isEmpty();
    Subscriber reader = subscribers.register(new Subscriber(turn.chatId(), turn.in().chatType(), turn.language(),
        defaults.zoneFor(turn.language()), defaults.deliveryTime(), Subscriber.Status.ACTIVE, true, Set.of()));
    if (isNew) {
      nextDigestTomorrowIfTimePassed(reader.chatId());
    }
    return reader;
  }
}
