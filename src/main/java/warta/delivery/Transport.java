package warta.delivery;

/**
 * One call to the messaging service (a new message or an edit), no retries, no waiting: the sender decides what to do with
 * each answer. Telegram implements it over the Bot API; tests and the console have their own.
 */
public interface Transport {

  /** Telegram's answer to one sendMessage, as the sender needs to know it. */
  sealed interface Answer {
    record Accepted(int messageId) implements Answer {}

    /** 429: wait at least this long before any further message. */
    record TooManyRequests(java.time.Duration retryAfter) implements Answer {}

    /** 403, "chat not found", and the like. */
    record Gone(String description) implements Answer {}

    /** 400 with migrate_to_chat_id. */
    record Migrated(long newChatId) implements Answer {}

    /** 400 "can't parse entities": the text must go as plain text. */
    record RefusedMarkup(String description) implements Answer {}

    /** Any other 4xx: sending the same again would fail the same way. */
    record Rejected(String description) implements Answer {}

    /** 5xx, a timeout, a dropped connection: worth another try later. */
    record Unavailable(String description) implements Answer {}
  }

  /**
   * Sends one message, or edits the bot's earlier one when the message is {@code replacing} it.
   * An edit that changes nothing is {@code Accepted}: the chat already shows what was meant.
   */
  Answer send(long chatId, Outgoing message);
}
