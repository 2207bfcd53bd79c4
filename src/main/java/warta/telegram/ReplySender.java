package warta.telegram;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import warta.bot.Reply;
import warta.digest.TelegramHtml;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/**
 * Sends the conversation's replies to one chat through the Bot API, and handles what Telegram
 * answers: waits out a 429 for its {@code retry_after}, retries server errors a few times, marks
 * a chat that blocked the bot, moves a group that became a supergroup, and sends a reply whose
 * HTML Telegram refuses once more as plain text.
 */
final class ReplySender {

  private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
  private static final int ATTEMPTS = 3;
  private static final int MAX_WAIT_SECONDS = 60;

  private final TelegramClient client;
  private final SubscriberStore subscribers;
  private final Redaction redaction;
  private final Sleeper sleeper;

  /** Waits between attempts; tests may pass one that does not sleep. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  ReplySender(TelegramClient client, SubscriberStore subscribers, Redaction redaction, Sleeper sleeper) {
    this.client = client;
    this.subscribers = subscribers;
    this.redaction = redaction;
    this.sleeper = sleeper;
  }

  /** Sends the replies in order; a pressed button is always answered, so its spinner stops. */
  void send(long chatId, List<Reply> replies, Optional<String> callbackId) {
    boolean answered = false;
    long chat = chatId;
    for (Reply reply : replies) {
      if (callbackId.isPresent() && !answered) {
        answer(callbackId.get(), reply.buttonNotice().orElse(""));
        answered = true;
      }
      if (!reply.text().isEmpty()) {
        chat = deliver(chat, reply);
      }
    }
    if (callbackId.isPresent() && !answered) {
      answer(callbackId.get(), "");
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

  /** Sends or edits one message; returns the chat id it now lives under (moved when the group migrated). */
  private long deliver(long chatId, Reply reply) {
    String text = reply.text();
    boolean html = true;
    for (int attempt = 1; attempt <= ATTEMPTS + 1; attempt++) {
      try {
        client.execute(method(chatId, reply, text, html));
        return chatId;
      } catch (TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = String.valueOf(e.getApiResponse());
        if (code == 429 && e.getParameters() != null && e.getParameters().getRetryAfter() != null) {
          pause(Math.min(MAX_WAIT_SECONDS, e.getParameters().getRetryAfter()) * 1000L);
        } else if (code == 403 || description.contains("chat not found")) {
          log.info("Chat {} blocked the bot or is gone ({}): marked blocked", chatId, description);
          long blocked = chatId;
          subscribers.find(blocked).ifPresent(s -> subscribers.setStatus(blocked, Subscriber.Status.BLOCKED));
          return chatId;
        } else if (e.getParameters() != null && e.getParameters().getMigrateToChatId() != null) {
          long moved = e.getParameters().getMigrateToChatId();
          log.info("Chat {} became supergroup {}: moved", chatId, moved);
          subscribers.migrate(chatId, moved);
          chatId = moved;
        } else if (code == 400 && description.contains("can't parse entities") && html) {
          log.warn("Telegram refused the HTML of a reply to chat {} ({}); sending plain text: {}", chatId,
              description, abbreviated(text));
          text = TelegramHtml.toPlainText(text);
          html = false;
        } else if (code == 400 && description.contains("message is not modified")) {
          return chatId;
        } else if (code >= 500 || code == 0) {
          pause(500L * attempt);
        } else {
          log.warn("Reply to chat {} refused: {}", chatId, redaction.scrub(description));
          return chatId;
        }
      } catch (TelegramApiException e) {
        log.warn("Reply to chat {} failed (attempt {}): {}", chatId, attempt, redaction.describe(e));
        pause(500L * attempt);
      }
    }
    log.warn("Reply to chat {} not sent after {} attempts", chatId, ATTEMPTS + 1);
    return chatId;
  }

  private BotApiMethod<? extends Serializable> method(long chatId, Reply reply, String text, boolean html) {
    InlineKeyboardMarkup keyboard = reply.buttons().isEmpty() ? null : keyboard(reply.buttons());
    LinkPreviewOptions previews = LinkPreviewOptions.builder().isDisabled(!reply.previews()).build();
    if (reply.replacing().isPresent()) {
      return EditMessageText.builder().chatId(chatId).messageId(reply.replacing().get()).text(text)
          .parseMode(html ? "HTML" : null).linkPreviewOptions(previews).replyMarkup(keyboard).build();
    }
    return SendMessage.builder().chatId(chatId).text(text).parseMode(html ? "HTML" : null)
        .linkPreviewOptions(previews).replyMarkup(keyboard).build();
  }

  private static InlineKeyboardMarkup keyboard(List<List<Reply.Button>> rows) {
    List<InlineKeyboardRow> keyboard = rows.stream().map(row -> new InlineKeyboardRow(row.stream()
        .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build()).toList()))
        .toList();
    return new InlineKeyboardMarkup(keyboard);
  }

  private void pause(long millis) {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
