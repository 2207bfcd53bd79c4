package warta.subscriber;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import warta.i18n.Language;
import warta.topic.Topic;

/**
 * One reader: a private chat or a group, with its preferences.
 *
 * @param chatId Telegram's chat id (beyond 32 bits)
 * @param deliveryTime when the daily digest is due, in {@code zone}
 * @param fallbackHeadlines whether a digest with nothing new on the topics shows the top headlines instead
 */
public record Subscriber(long chatId, ChatType chatType, Language language, ZoneId zone, LocalTime deliveryTime,
                         Status status, boolean fallbackHeadlines, Set<Topic> topics) {

  /** The kinds of chat Telegram has. */
  public enum ChatType { PRIVATE, GROUP, SUPERGROUP, CHANNEL }

  /** Whether digests go out: active; paused by the reader; blocked (the bot was blocked or removed); stopped. */
  public enum Status { ACTIVE, PAUSED, BLOCKED, STOPPED }

  public Subscriber {
    requireNonNull(chatType, "chatType");
    requireNonNull(language, "language");
    requireNonNull(zone, "zone");
    requireNonNull(deliveryTime, "deliveryTime");
    requireNonNull(status, "status");
    topics = Set.copyOf(topics);
  }

  public boolean isGroup() {
    return chatType == ChatType.GROUP || chatType == ChatType.SUPERGROUP;
  }
}
