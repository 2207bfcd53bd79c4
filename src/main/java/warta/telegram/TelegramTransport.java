package warta.telegram;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import warta.delivery.Outgoing;
import warta.delivery.Transport;

/**
 * One sendMessage or editMessageText through the Bot API, and Telegram's answer as the outbox
 * needs to know it; it never retries or waits. No description it returns contains the token.
 */
public final class TelegramTransport implements Transport {

  private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();
  private static final String NOT_MODIFIED = "message is not modified";
  private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)");
  /** A 429 that does not say how long to wait (Telegram's always do): this long, to be safe. */
  static final Duration UNKNOWN_RETRY_AFTER = Duration.ofSeconds(30);

  private final TelegramClient client;
  private final Redaction redaction;
  private final boolean paidBroadcasts;

  /**
   * @param token the bot's token, only to keep it out of every description
   * @param paidBroadcasts the operator enabled paid broadcasts: every message carries
   *     {@code allow_paid_broadcast} (up to 1000 messages/s, paid in Telegram Stars)
   */
  public TelegramTransport(TelegramClient client, String token, boolean paidBroadcasts) {
    this.client = requireNonNull(client, "client");
    this.redaction = new Redaction(requireNonNull(token, "token"));
    this.paidBroadcasts = paidBroadcasts;
  }

  /**
   * A client fit for sending side by side. TelegramBots runs even {@code execute} through
   * OkHttp's dispatcher, which allows 5 calls at a time to one host: at Telegram's 100-200 ms
   * answer time that caps sending at 25-50 messages/s. Here {@code connections} calls may run at
   * once and as many connections stay open. OkHttp's silent second try of a POST whose reused
   * connection dropped is off: Telegram may have taken the first one, and the reader would get the
   * message twice; the outbox decides about tries.
   */
  public static TelegramClient client(String token, TelegramUrl url, int connections) {
    var dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(connections);
    dispatcher.setMaxRequestsPerHost(connections);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES)).build();
    return new OkHttpTelegramClient(http, token, url);
  }

  @Override
  public Answer send(long chatId, Outgoing message) {
    try {
      if (message.replacing().isPresent()) {
        int edited = message.replacing().get();
        client.execute(edit(chatId, edited, message));
        return new Answer.Accepted(edited);
      }
      return new Answer.Accepted(client.execute(sendMessage(chatId, message)).getMessageId());
    } catch (TelegramApiRequestException e) {
      if (message.replacing().isPresent() && String.valueOf(e.getApiResponse()).contains(NOT_MODIFIED)) {
        return new Answer.Accepted(message.replacing().get()); // the chat already shows this text
      }
      return answer(e);
    } catch (TelegramApiException e) {
      Throwable invalid = e instanceof TelegramApiValidationException ? e : e.getCause();
      if (invalid instanceof TelegramApiValidationException) {
        // The client checks a message before sending it (e.g. empty text): sending it again would fail the same way.
        return new Answer.Rejected("refused before sending: " + redaction.scrub(invalid.getMessage()));
      }
      Throwable reason = e.getCause() == null ? e : e.getCause(); // a dropped connection, a timeout
      return new Answer.Unavailable("no answer: " + redaction.describe(reason));
    }
  }

  private SendMessage sendMessage(long chatId, Outgoing message) {
    return SendMessage.builder().chatId(chatId).text(message.text()).parseMode(message.html() ? ParseMode.HTML : null)
        .linkPreviewOptions(message.previews() ? null : NO_PREVIEW).replyMarkup(keyboard(message.buttons()))
        .allowPaidBroadcast(paidBroadcasts ? Boolean.TRUE : null).build();
  }

  private static EditMessageText edit(long chatId, int messageId, Outgoing message) {
    return EditMessageText.builder().chatId(chatId).messageId(messageId).text(message.text())
        .parseMode(message.html() ? ParseMode.HTML : null).linkPreviewOptions(message.previews() ? null : NO_PREVIEW)
        .replyMarkup(keyboard(message.buttons())).build();
  }

  private static InlineKeyboardMarkup keyboard(List<List<Outgoing.Button>> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    return new InlineKeyboardMarkup(rows.stream().map(row -> new InlineKeyboardRow(row.stream()
        .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build()).toList()))
        .toList());
  }

  private Answer answer(TelegramApiRequestException e) {
    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
    ResponseParameters parameters = e.getParameters();
    String description = redaction.scrub(e.getApiResponse() == null ? e.getMessage() : e.getApiResponse());
    String lowerCase = description.toLowerCase(Locale.ROOT);
    if (code == 429) {
      return new Answer.TooManyRequests(retryAfter(parameters, lowerCase));
    }
    if (parameters != null && parameters.getMigrateToChatId() != null) {
      return new Answer.Migrated(parameters.getMigrateToChatId());
    }
    if (code == 403 || code == 400 && lowerCase.contains("chat not found")) {
      return new Answer.Gone(description);
    }
    if (code == 400 && lowerCase.contains("can't parse entities")) {
      return new Answer.RefusedMarkup(description);
    }
    if (code >= 400 && code < 500) {
      return new Answer.Rejected(code + " " + description);
    }
    if (code == 0) {
      // Telegram's front proxy answers with an HTML page (502, 504); the client loses the status.
      return new Answer.Unavailable("an answer without the Bot API's JSON (Telegram's error page?): "
          + redaction.scrub(e.getMessage()));
    }
    return new Answer.Unavailable(code + " " + description);
  }

  /** Telegram's retry_after, never less; read from the description when the parameters lack it. */
  private static Duration retryAfter(ResponseParameters parameters, String lowerCaseDescription) {
    if (parameters != null && parameters.getRetryAfter() != null) {
      return Duration.ofSeconds(Math.max(1, parameters.getRetryAfter()));
    }
    Matcher said = RETRY_AFTER.matcher(lowerCaseDescription);
    return said.find() ? Duration.ofSeconds(Math.max(1, Long.parseLong(said.group(1)))) : UNKNOWN_RETRY_AFTER;
  }
}
