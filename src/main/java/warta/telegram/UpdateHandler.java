package warta.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import warta.bot.Conversation;
import warta.bot.Incoming;
import warta.bot.Reply;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/**
 * Turns each Telegram update into the conversation's input and sends its replies; handles the
 * updates that are about the chat rather than a command: the bot blocked or added back
 * ({@code my_chat_member}) and a group upgraded to a supergroup ({@code migrate_to_chat_id}).
 * A failing update is logged and skipped: the polling loop never stops.
 */
final class UpdateHandler implements LongPollingSingleThreadUpdateConsumer {

  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
  private static final Set<String> ADMIN = Set.of("creator", "administrator");
  private static final Set<String> GONE = Set.of("kicked", "left");

  private final Conversation conversation;
  private final SubscriberStore subscribers;
  private final TelegramClient client;
  private final ReplySender replies;
  private final Redaction redaction;

  UpdateHandler(Conversation conversation, SubscriberStore subscribers, TelegramClient client, ReplySender replies,
                Redaction redaction) {
    this.conversation = conversation;
    this.subscribers = subscribers;
    this.client = client;
    this.replies = replies;
    this.redaction = redaction;
  }

  @Override
  public void consume(Update update) {
    try {
      if (update.hasMyChatMember()) {
        membership(update.getMyChatMember());
      } else if (update.hasCallbackQuery()) {
        button(update.getCallbackQuery());
      } else if (update.hasMessage()) {
        message(update.getMessage());
      }
    } catch (RuntimeException e) {
      log.error("Update {} not handled: {}", update.getUpdateId(), redaction.describe(e), e);
    }
  }

  private void message(Message message) {
    long chatId = message.getChatId();
    if (message.getMigrateToChatId() != null) {
      log.info("Group {} became supergroup {}: subscription moved", chatId, message.getMigrateToChatId());
      subscribers.migrate(chatId, message.getMigrateToChatId());
      return;
    }
    if (!message.hasText() || message.getFrom() == null) {
      return;
    }
    User from = message.getFrom();
    Incoming in = Incoming.message(chatId, chatType(message.getChat()), from.getId(), language(from),
        message.getText(), admin(chatId, from.getId()));
    List<Reply> answer = conversation.handle(in);
    replies.send(chatId, isGroup(message.getChat()), answer, Optional.empty());
  }

  private void button(CallbackQuery query) {
    if (query.getMessage() == null) {
      replies.send(query.getFrom().getId(), false, List.of(), Optional.of(query.getId()));
      return;
    }
    long chatId = query.getMessage().getChatId();
    User from = query.getFrom();
    Incoming in = Incoming.button(chatId, chatType(query.getMessage().getChat()), from.getId(), language(from),
        new Incoming.Callback(query.getId(), query.getData() == null ? "" : query.getData(),
            query.getMessage().getMessageId()), admin(chatId, from.getId()));
    replies.send(chatId, isGroup(query.getMessage().getChat()), conversation.handle(in), Optional.of(query.getId()));
  }

  /** The bot was blocked, removed, unblocked or added back: pause or resume the chat's digests. */
  private void membership(ChatMemberUpdated change) {
    long chatId = change.getChat().getId();
    String status = change.getNewChatMember().getStatus();
    Optional<Subscriber> reader = subscribers.find(chatId);
    if (reader.isEmpty()) {
      return;
    }
    if (GONE.contains(status)) {
      log.info("Chat {}: the bot was {}; digests stop", chatId, status);
      subscribers.setStatus(chatId, Subscriber.Status.BLOCKED);
    } else if (reader.get().status() == Subscriber.Status.BLOCKED) {
      log.info("Chat {}: the bot is back ({}); digests resume", chatId, status);
      subscribers.setStatus(chatId, Subscriber.Status.ACTIVE);
    }
  }

  /** Asked only when a group setting changes: one getChatMember call. */
  private BooleanSupplier admin(long chatId, long userId) {
    return () -> {
      try {
        return ADMIN.contains(client.execute(GetChatMember.builder().chatId(chatId).userId(userId).build())
            .getStatus());
      } catch (TelegramApiException e) {
        log.warn("Cannot tell whether user {} administers chat {}: {}", userId, chatId, redaction.describe(e));
        return false;
      }
    };
  }

  private static String language(User user) {
    return user.getLanguageCode() == null ? "" : user.getLanguageCode();
  }

  /** Groups, supergroups and channels: Telegram allows them 20 messages a minute. */
  private static boolean isGroup(Chat chat) {
    return chatType(chat) != Subscriber.ChatType.PRIVATE;
  }

  static Subscriber.ChatType chatType(Chat chat) {
    String type = chat.getType() == null ? "private" : chat.getType().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "group" -> Subscriber.ChatType.GROUP;
      case "supergroup" -> Subscriber.ChatType.SUPERGROUP;
      case "channel" -> Subscriber.ChatType.CHANNEL;
      default -> Subscriber.ChatType.PRIVATE;
    };
  }
}
