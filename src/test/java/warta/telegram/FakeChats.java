package warta.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chats behind the fake Bot API: numbers each chat's messages, keeps them for edits and callback queries, and
 * writes the Telegram JSON of its users, chats and messages (with real dates: 0 reads as inaccessible).
 */
final class FakeChats {

  /** Telegram marks every "/command" or "/command@bot" that starts a word. */
  private static final Pattern COMMAND = Pattern.compile("(?<!\\S)/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?");
  /** Supergroup and channel ids are -100 followed by the channel's own id. */
  private static final long SUPERGROUP_IDS_BELOW = -1_000_000_000_000L;

  private final ObjectMapper json;
  private final Clock clock;
  private final ObjectNode bot;
  private final Map<Long, Chat> chats = new ConcurrentHashMap<>();

  FakeChats(ObjectMapper json, Clock clock, long botId, String botUsername) {
    this.json = json;
    this.clock = clock;
    this.bot = json.createObjectNode().put("id", botId).put("is_bot", true).put("first_name", "Warta Test")
        .put("username", botUsername);
  }

  ObjectNode bot() {
    return bot.deepCopy();
  }

  ObjectNode getMe() {
    return bot().put("can_join_groups", true).put("can_read_all_group_messages", false)
        .put("supports_inline_queries", false).put("can_connect_to_business", false).put("has_main_web_app", false);
  }

  /** A reader; {@code languageCode} "" leaves the field out, as Telegram does when the app does not tell. */
  ObjectNode user(long userId, String languageCode) {
    ObjectNode user = json.createObjectNode().put("id", userId).put("is_bot", false)
        .put("first_name", "Reader " + userId);
    if (!languageCode.isEmpty()) user.put("language_code", languageCode);
    return user;
  }

  /** Positive ids are private chats, ids below -10^12 supergroups, other negative ones basic groups. */
  ObjectNode chat(long chatId) {
    ObjectNode chat = json.createObjectNode().put("id", chatId);
    if (chatId > 0) return chat.put("type", "private").put("first_name", "Reader " + chatId);
    return chatId < SUPERGROUP_IDS_BELOW
        ? chat.put("type", "supergroup").put("title", "Supergroup " + chatId)
        : chat.put("type", "group").put("title", "Group " + chatId);
  }

  static String chatType(long chatId) {
    return chatId > 0 ? "private" : chatId < SUPERGROUP_IDS_BELOW ? "supergroup" : "group";
  }

  /** The bot's new message in {@code chatId}: {@code shownText} is the text after entity parsing. */
  ObjectNode botMessage(long chatId, String shownText, String shownCaption, JsonNode replyMarkup) {
    ObjectNode message = message(chatId, bot());
    if (shownText != null) message.put("text", shownText);
    if (shownCaption != null) message.put("caption", shownCaption);
    if (replyMarkup != null && replyMarkup.has("inline_keyboard")) message.set("reply_markup", replyMarkup);
    return remember(chatId, message);
  }

  /** A reader's message, with bot_command entities marked as Telegram marks them. */
  ObjectNode readerMessage(long chatId, ObjectNode from, String text) {
    ObjectNode message = message(chatId, from).put("text", text);
    Matcher command = COMMAND.matcher(text);
    var entities = json.createArrayNode();
    while (command.find()) {
      entities.addObject().put("offset", command.start()).put("length", command.end() - command.start())
          .put("type", "bot_command");
    }
    if (!entities.isEmpty()) message.set("entities", entities);
    return remember(chatId, message);
  }

  /** A service message such as a group's migration; {@code from} may be null. */
  ObjectNode serviceMessage(long chatId, ObjectNode from) {
    return remember(chatId, message(chatId, from));
  }

  Optional<ObjectNode> find(long chatId, long messageId) {
    Chat chat = chats.get(chatId);
    return Optional.ofNullable(chat == null ? null : chat.messages.get(messageId)).map(ObjectNode::deepCopy);
  }

  /** Replaces a kept message with its edited version. */
  void replace(long chatId, ObjectNode edited) {
    chats.get(chatId).messages.put(edited.get("message_id").asLong(), edited);
  }

  boolean delete(long chatId, long messageId) {
    Chat chat = chats.get(chatId);
    return chat != null && chat.messages.remove(messageId) != null;
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  private ObjectNode message(long chatId, ObjectNode from) {
    long messageId = chats.computeIfAbsent(chatId, id -> new Chat()).nextMessageId();
    ObjectNode message = json.createObjectNode().put("message_id", messageId);
    if (from != null) message.set("from", from);
    message.set("chat", chat(chatId));
    return message.put("date", now());
  }

  private ObjectNode remember(long chatId, ObjectNode message) {
    chats.get(chatId).messages.put(message.get("message_id").asLong(), message);
    return message.deepCopy();
  }

  /** One chat's messages; ids start at 1 and grow by one per message, the bot's and the reader's alike. */
  private static final class Chat {
    final Map<Long, ObjectNode> messages = new ConcurrentHashMap<>();
    private long lastMessageId;

    synchronized long nextMessageId() {
      return ++lastMessageId;
    }
  }
}
