package warta.bot;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import warta.digest.TelegramHtml;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/** {@code /timezone ZONE}: an IANA name ({@code Asia/Jakarta}, any case), {@code WIB}/{@code WITA}/{@code WIT}, or a UTC offset. */
final class TimezoneCommand implements Command {

  private final Registration registration;
  private final SubscriberStore subscribers;
  private final Replies replies;

  TimezoneCommand(Registration registration, SubscriberStore subscribers, Replies replies) {
    this.registration = registration;
    this.subscribers = subscribers;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "timezone";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    if (arguments.isBlank()) {
      return replies.say(turn, "timezone.usage");
    }
    Optional<ZoneId> zone = zone(arguments.strip());
    if (zone.isEmpty()) {
      return replies.say(turn, "timezone.unknown", TelegramHtml.escape(arguments.strip()));
    }
    Subscriber reader = registration.ensure(turn);
    subscribers.setZone(reader.chatId(), zone.get());
    registration.nextDigestTomorrowIfTimePassed(reader.chatId());
    return replies.say(turn, "timezone.set", zone.get().getId(), reader.deliveryTime());
  }

  static Optional<ZoneId> zone(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "WIB":
        return Optional.of(ZoneId.of("Asia/Jakarta"));
      case "WITA":
        return Optional.of(ZoneId.of("Asia/Makassar"));
      case "WIT":
        return Optional.of(ZoneId.of("Asia/Jayapura"));
      default:
        break;
    }
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(text)) {
        return Optional.of(ZoneId.of(id));
      }
    }
    String offset = upper.replaceFirst("^(UTC|GMT)", "").strip();
    if (offset.matches("[+-]\\d{1,2}(:?\\d{2})?")) {
      try {
        String normalized = offset.matches("[+-]\\d") ? offset.charAt(0) + "0" + offset.charAt(1) : offset;
        return Optional.of(ZoneOffset.of(normalized));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
