package warta.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import warta.bot.Reply;
import warta.delivery.Outbox;
import warta.delivery.Outgoing;
import warta.delivery.SendOutcome;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/**
 * Hands the conversation's replies to the outbox, the one sender that also carries the digests:
 * replies go ahead of broadcasts, within the same limits, through the same handling of 429s,
 * outages, refused HTML and migrated groups. The update loop does not wait for them: a chat's
 * replies keep their order in the outbox. What an outcome says about the chat is kept here: a
 * chat that blocked the bot is marked, a group that became a supergroup is moved.
 *
 * <p>A pressed button is answered at once, outside the outbox: answerCallbackQuery is not a
 * message, and its spinner should stop whatever the queue holds.
 */
final class ReplySender {

  private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

  private final Outbox outbox;
  private final TelegramClient client;
  private final SubscriberStore subscribers;
  private final Redaction redaction;

  ReplySender(Outbox outbox, TelegramClient client, SubscriberStore subscribers, Redaction redaction) {
    this.outbox = outbox;
    this.client = client;
    this.subscribers = subscribers;
    this.redaction = redaction;
  }

  /**
   * Queues the replies in order and returns: the future completes when every one has its outcome
   * (and what it said about the chat is stored).
   *
   * @param group whether the chat is a group (Telegram allows 20 messages a minute there)
   */
  CompletableFuture<Void> send(long chatId, boolean group, List<Reply> replies, Optional<String> callbackId) {
    boolean answered = false;
    List<CompletableFuture<Void>> outcomes = new ArrayList<>();
    for (Reply reply : replies) {
      if (callbackId.isPresent() && !answered) {
        answer(callbackId.get(), reply.buttonNotice().orElse(""));
        answered = true;
      }
      if (!reply.text().isEmpty()) {
        outcomes.add(outbox.submit(chatId, group, outgoing(reply), Outbox.Priority.REPLY)
            .thenAccept(outcome -> learn(chatId, outcome)));
      }
    }
    if (callbackId.isPresent() && !answered) {
      answer(callbackId.get(), "");
    }
    return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
  }

  private static Outgoing outgoing(Reply reply) {
    List<List<Outgoing.Button>> buttons = reply.buttons().stream()
        .map(row -> row.stream().map(b -> new Outgoing.Button(b.label(), b.data())).toList()).toList();
    return new Outgoing(reply.text(), true, reply.previews(), buttons, reply.replacing());
  }

  /** What an outcome says about the chat: blocked, or moved to a supergroup. Failures the outbox logged. */
  private void learn(long chatId, SendOutcome outcome) {
    try {
      if (outcome instanceof SendOutcome.Blocked blocked) {
        log.info("Chat {} blocked the bot or is gone ({}): marked blocked", chatId, blocked.reason());
        subscribers.find(chatId).ifPresent(s -> subscribers.setStatus(chatId, Subscriber.Status.BLOCKED));
      } else if (outcome instanceof SendOutcome.Moved moved) {
        log.info("Chat {} became supergroup {}: moved", chatId, moved.newChatId());
        subscribers.migrate(chatId, moved.newChatId());
        if (moved.there() instanceof SendOutcome.Blocked) {
          subscribers.find(moved.newChatId())
              .ifPresent(s -> subscribers.setStatus(moved.newChatId(), Subscriber.Status.BLOCKED));
        }
      }
    } catch (RuntimeException e) {
      log.error("What Telegram said about chat {} ({}) was not stored", chatId, outcome, e);
    }
  }

  private void answer(String callbackId, String notice) {
    AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId)
        .text(notice.isEmpty() ? null : notice).build();
    try {
      client.execute(answer);
    } catch (TelegramApiException e) {
      // An old button press can no longer be answered; the reply itself still goes out.
      log.debug("Button press {} not answered: {}", callbackId, redaction.describe(e));
    }
  }
}
