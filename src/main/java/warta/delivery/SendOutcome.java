package warta.delivery;

/** What became of one message handed to the sender. */
public sealed interface SendOutcome {

  /** Telegram took it: the message's id in the chat. */
  record Sent(long chatId, int messageId) implements SendOutcome {}

  /** The chat blocked the bot, removed it, or no longer exists: stop sending to it. */
  record Blocked(String reason) implements SendOutcome {}

  /** The group became a supergroup: the chat lives on under a new id (the message was sent there when possible). */
  record Moved(long newChatId, SendOutcome there) implements SendOutcome {}

  /** Not sent after the retries allowed; the next run tries again. */
  record Failed(String reason) implements SendOutcome {}
}
