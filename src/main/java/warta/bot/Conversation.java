package warta.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.article.ArticleStore;
import warta.delivery.DeliveryLedger;
import warta.digest.DigestBuilder;
import warta.digest.EntryFormat;
import warta.i18n.Language;
import warta.i18n.Messages;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.topic.TopicCatalog;

/**
 * Answers what readers send: slash commands (with an {@code @BotName} suffix in groups), button
 * presses, and free text. In a group only admins change settings; a chat that sends a flood of
 * commands gets one cooldown notice; a failing command costs its reader an apology, never the
 * bot. Thread-safe.
 */
public final class Conversation {

  private static final Logger log = LoggerFactory.getLogger(Conversation.class);
  private static final int FLOOD_LIMIT = 8;
  private static final Duration FLOOD_WINDOW = Duration.ofSeconds(20);

  private final SubscriberStore subscribers;
  private final Replies replies;
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final TopicsCommand topics;
  private final StopCommand stop;
  private final FloodGuard flood;
  private volatile String botUsername = "";

  public Conversation(SubscriberStore subscribers, ArticleStore articles, TopicCatalog catalog, Messages messages,
                      Defaults defaults, Clock clock, DeliveryLedger ledger) {
    this(subscribers, articles, catalog, messages, defaults, clock, ledger, Set.of(), List::of);
  }

  /**
   * @param adminChats chats that may ask for {@code /health}
   * @param health the operator's view, as lines
   */
  public Conversation(SubscriberStore subscribers, ArticleStore articles, TopicCatalog catalog, Messages messages,
                      Defaults defaults, Clock clock, DeliveryLedger ledger, Set<Long> adminChats,
                      Supplier<List<String>> health) {
    this.subscribers = subscribers;
    this.replies = new Replies(messages);
    Registration registration = new Registration(subscribers, defaults, ledger, clock);
    TopicWords words = new TopicWords(catalog);
    EntryFormat format = new EntryFormat(messages);
    this.topics = new TopicsCommand(registration, subscribers, catalog, replies);
    this.stop = new StopCommand(subscribers, replies);
    for (Command command : List.of(
        new StartCommand(registration, replies),
        new HelpCommand(replies),
        new LatestCommand(articles, words, format, defaults, replies),
        new DigestCommand(registration, new DigestBuilder(articles, format, messages), ledger, clock),
        new SearchCommand(articles, format, defaults, replies),
        topics,
        new SubscribeCommand(true, registration, subscribers, words, replies),
        new SubscribeCommand(false, registration, subscribers, words, replies),
        new TimeCommand(registration, subscribers, replies),
        new TimezoneCommand(registration, subscribers, replies),
        new LanguageCommand(registration, subscribers, replies),
        new PauseCommand(true, registration, subscribers, replies),
        new PauseCommand(false, registration, subscribers, replies),
        new SettingsCommand(registration, words, replies),
        stop,
        new HealthCommand(adminChats, health, replies))) {
      commands.put(command.name(), command);
    }
    this.flood = new FloodGuard(FLOOD_LIMIT, FLOOD_WINDOW, clock);
  }

  /** The bot's own username, to tell {@code /latest@ThisBot} from commands meant for other bots in a group. */
  public void setBotUsername(String username) {
    this.botUsername = username;
  }

  /** The command names readers see, in the order {@code /help} lists them (for registering them with Telegram). */
  public List<String> commandNames() {
    return commands.values().stream().filter(c -> !(c instanceof HealthCommand)).map(Command::name).toList();
  }

  /** The replies to one incoming message or button press; none for messages not meant for the bot. */
  public List<Reply> handle(Incoming in) {
    Optional<Subscriber> reader = subscribers.find(in.chatId());
    Language language = reader.filter(r -> r.status() != Subscriber.Status.STOPPED).map(Subscriber::language)
        .orElse(Language.ofUser(in.languageCode()));
    Turn turn = new Turn(in, reader, language);
    try {
      if (in.callback().isPresent()) {
        return button(turn, in.callback().get());
      }
      return message(turn);
    } catch (RuntimeException e) {
      log.error("Answering chat {} failed on \"{}\": {}", in.chatId(), abbreviated(in.text()), e.toString(), e);
      return replies.say(turn, "error");
    }
  }

  private List<Reply> message(Turn turn) {
    String text = turn.in().text().strip();
    if (!text.startsWith("/")) {
      // In groups the bot hears only commands and replies to it; free text there is not for us.
      return turn.in().chatType() == Subscriber.ChatType.PRIVATE && !text.isEmpty()
          ? guarded(turn, () -> replies.say(turn, "free.text")) : List.of();
    }
    int space = firstWhitespace(text);
    String word = text.substring(1, space);
    String arguments = text.substring(space).strip();
    int at = word.indexOf('@');
    if (at >= 0) {
      String addressee = word.substring(at + 1);
      if (!botUsername.isEmpty() && !addressee.equalsIgnoreCase(botUsername)) {
        return List.of(); // a command for another bot in the group
      }
      word = word.substring(0, at);
    }
    String name = word.toLowerCase(Locale.ROOT);
    Command command = commands.get(name);
    if (command == null) {
      String typed = warta.digest.TelegramHtml.escape(abbreviated(word));
      return guarded(turn, () -> replies.say(turn, "unknown.command", typed));
    }
    if (command.changesSettings() && turn.in().chatType() != Subscriber.ChatType.PRIVATE
        && !turn.in().senderIsAdmin().getAsBoolean()) {
      return guarded(turn, () -> replies.say(turn, "group.admins.only"));
    }
    return guarded(turn, () -> command.run(turn, arguments));
  }

  private List<Reply> button(Turn turn, Incoming.Callback callback) {
    boolean changes = callback.data().startsWith(TopicsCommand.PREFIX + "x:")
        || callback.data().startsWith(StopCommand.PREFIX);
    if (changes && turn.in().chatType() != Subscriber.ChatType.PRIVATE && !turn.in().senderIsAdmin().getAsBoolean()) {
      return List.of(Reply.notice(replies.text(turn, "group.admins.only")));
    }
    if (callback.data().startsWith(TopicsCommand.PREFIX)) {
      return topics.button(turn, callback);
    }
    if (callback.data().startsWith(StopCommand.PREFIX)) {
      return stop.button(turn, callback);
    }
    return List.of(Reply.notice(""));
  }

  private List<Reply> guarded(Turn turn, java.util.function.Supplier<List<Reply>> answer) {
    return switch (flood.check(turn.chatId())) {
      case ANSWER -> answer.get();
      case WARN -> replies.say(turn, "flood", flood.secondsToWait(turn.chatId()));
      case IGNORE -> List.of();
    };
  }

  private static int firstWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  /** Chat text quoted in logs and replies only truncated. */
  static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
