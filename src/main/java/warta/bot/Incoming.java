package warta.bot;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import warta.subscriber.Subscriber;

/**
 * What a reader sent: a message's text, or the data of a button they pressed.
 *
 * @param languageCode the sender's IETF language tag as their client reports it, {@code ""} if unknown
 * @param callback the pressed button, when this is a button press
 * @param senderIsAdmin whether the sender administers the group; asked only when a group setting changes
 */
public record Incoming(long chatId, Subscriber.ChatType chatType, long userId, String languageCode, String text,
                       Optional<Callback> callback, BooleanSupplier senderIsAdmin) {

  /** A pressed inline button: its id (to answer), data, and the message it sits on. */
  public record Callback(String id, String data, int messageId) {}

  public Incoming {
    requireNonNull(chatType, "chatType");
    requireNonNull(languageCode, "languageCode");
    requireNonNull(text, "text");
    requireNonNull(callback, "callback");
    requireNonNull(senderIsAdmin, "senderIsAdmin");
  }

  public static Incoming message(long chatId, Subscriber.ChatType type, long userId, String languageCode, String text,
                                 BooleanSupplier senderIsAdmin) {
    return new Incoming(chatId, type, userId, languageCode, text, Optional.empty(), senderIsAdmin);
  }

  public static Incoming button(long chatId, Subscriber.ChatType type, long userId, String languageCode,
                                Callback callback, BooleanSupplier senderIsAdmin) {
    return new Incoming(chatId, type, userId, languageCode, "", Optional.of(callback), senderIsAdmin);
  }
}
