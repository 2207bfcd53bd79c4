package warta.telegram;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import warta.bot.Conversation;
import warta.config.WebhookSettings;
import warta.delivery.Outbox;
import warta.i18n.Language;
import warta.i18n.Messages;
import warta.subscriber.SubscriberStore;

/**
 * Warta on Telegram: learns its own username, registers its commands in English and Indonesian,
 * and answers updates by long polling, all against the configured Bot API base URL. Its replies
 * go through the outbox that also sends the digests.
 */
public final class TelegramBot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

  private final String token;
  private final TelegramUrl url;
  private final TelegramClient client;
  private final Conversation conversation;
  private final SubscriberStore subscribers;
  private final Messages messages;
  private final Redaction redaction;
  private final Outbox outbox;
  private final Optional<WebhookSettings> webhook;
  private TelegramBotsLongPollingApplication polling;
  private WebhookServer webhookServer;

  /** A bot that takes its updates by long polling. */
  public TelegramBot(String token, URI apiUrl, Conversation conversation, SubscriberStore subscribers,
                     Messages messages, Outbox outbox) {
    this(token, apiUrl, conversation, subscribers, messages, outbox, Optional.empty());
  }

  /**
   * @param outbox sends the replies, alongside the digests it sends (closed by its owner, not here)
   * @param webhook where Telegram posts updates; empty for long polling
   */
  public TelegramBot(String token, URI apiUrl, Conversation conversation, SubscriberStore subscribers,
                     Messages messages, Outbox outbox, Optional<WebhookSettings> webhook) {
    this.token = token;
    this.outbox = outbox;
    this.webhook = webhook;
    this.url = telegramUrl(apiUrl);
    this.client = new OkHttpTelegramClient(token, url);
    this.conversation = conversation;
    this.subscribers = subscribers;
    this.messages = messages;
    this.redaction = new Redaction(token);
  }

  /** The Bot API base URL as TelegramBots takes it. */
  public static TelegramUrl telegramUrl(URI apiUrl) {
    int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(apiUrl.getScheme()) ? 443 : 80;
    return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
  }

  /** The client for the configured Bot API, for senders that share it. */
  public TelegramClient client() {
    return client;
  }

  /**
   * Connects: getMe, setMyCommands, then long polling on its own threads.
   *
   * @throws TelegramApiException when the Bot API refuses the token or cannot be reached
   */
  public void start() throws TelegramApiException {
    String username;
    try {
      username = client.execute(new GetMe()).getUserName();
    } catch (TelegramApiException e) {
      throw new TelegramApiException("the Bot API at " + url.getHost() + " did not accept the bot: "
          + redaction.describe(e));
    }
    conversation.setBotUsername(username == null ? "" : username);
    registerCommands();
    ReplySender replies = new ReplySender(outbox, client, subscribers, redaction);
    UpdateHandler updates = new UpdateHandler(conversation, subscribers, client, replies, redaction);
    if (webhook.isPresent()) {
      listen(webhook.get(), updates);
      log.info("Telegram bot @{} takes updates posted to {} (port {})", username, webhook.get().url(),
          webhookServer.port());
      return;
    }
    polling = new TelegramBotsLongPollingApplication();
    polling.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), updates);
    log.info("Telegram bot @{} polling {}", username, url.getHost());
  }

  /** Webhook mode: listens first, then tells Telegram where to post and with which secret. */
  private void listen(WebhookSettings settings, UpdateHandler updates) throws TelegramApiException {
    try {
      webhookServer = WebhookServer.start(settings.port(), settings.path(), settings.secret(), updates::consume);
    } catch (IOException e) {
      throw new TelegramApiException("cannot listen for webhook posts on port " + settings.port() + ": " + e);
    }
    try {
      client.execute(SetWebhook.builder().url(settings.url().toString()).secretToken(settings.secret()).build());
    } catch (TelegramApiException e) {
      webhookServer.close();
      webhookServer = null;
      throw new TelegramApiException("the Bot API did not take the webhook " + settings.url() + ": "
          + redaction.describe(e).replace(settings.secret(), "(secret)"));
    }
  }

  /** The local port webhook posts arrive at, when in webhook mode. */
  Optional<Integer> webhookPort() {
    return Optional.ofNullable(webhookServer).map(WebhookServer::port);
  }

  private void registerCommands() {
    for (Language language : Language.values()) {
      List<BotCommand> commands = new ArrayList<>();
      for (String name : conversation.commandNames()) {
        commands.add(new BotCommand(name, messages.text(language, "command." + name)));
      }
      SetMyCommands.SetMyCommandsBuilder<?, ?> set = SetMyCommands.builder().commands(commands);
      if (language != Language.EN) {
        set.languageCode(language.code()); // English is the default for every other language
      }
      try {
        client.execute(set.build());
      } catch (TelegramApiException e) {
        log.warn("Commands in {} not registered: {}", language.code(), redaction.describe(e));
      }
    }
  }

  @Override
  public void close() {
    if (webhookServer != null) {
      webhookServer.close(); // the webhook stays set: Telegram keeps updates until the bot is back
    }
    if (polling != null) {
      try {
        polling.close();
      } catch (Exception e) {
        log.warn("Long polling did not stop cleanly: {}", redaction.describe(e));
      }
    }
  }
}
