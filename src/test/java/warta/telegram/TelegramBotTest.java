package warta.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.bot.Conversation;
import warta.bot.Defaults;
import warta.delivery.Outbox;
import warta.delivery.OutboxLimits;
import warta.i18n.Messages;
import warta.ingest.ArticleFolderScanner;
import warta.ingest.IngestProgress;
import warta.storage.Database;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** The bot end to end: the real TelegramBots client and long polling against a local fake Bot API. */
class TelegramBotTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = "123456789:TESTtokenTESTtokenTESTtoken";
  private static final long READER = 501;

  @TempDir
  Path dir;

  private FakeBotApi botApi;
  private Database db;
  private SubscriberStore subscribers;
  private TelegramBot bot;
  private Outbox outbox;

  @BeforeEach
  void start() throws Exception {
    botApi = FakeBotApi.start();
    db = Database.open(dir.resolve("warta.db"));
    TopicCatalog catalog = TopicCatalog.standard();
    ArticleStore articles = new ArticleStore(db, catalog);
    Path folder = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(folder.resolve("kenya.txt"), """
        MARCH 4, 2024
        World

        Kenya & Haiti <Sign> Police Deployment Agreement in Nairobi

        NAIROBI (Reuters) - Kenya and Haiti signed an agreement on Friday that clears the way for Kenyan police officers to lead a security mission in Haiti, officials said.
        """);
    new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), articles, Duration.ofHours(72),
        Clock.systemUTC()).ingest(folder, IngestProgress.SILENT);
    subscribers = new SubscriberStore(db, catalog::find, Clock.systemUTC());
    Messages messages = new Messages();
    Conversation conversation = new Conversation(subscribers, articles, catalog, messages,
        new Defaults(ZoneId.of("UTC"), ZoneId.of("Asia/Jakarta"), LocalTime.of(7, 0)), Clock.systemUTC(),
        new warta.delivery.DeliveryLedger(db, Clock.systemUTC()));
    outbox = new Outbox(new TelegramTransport(new OkHttpTelegramClient(TOKEN, botApi.url()), TOKEN, false),
        OutboxLimits.telegramDefaults());
    bot = new TelegramBot(TOKEN, URI.create("http://" + botApi.host() + ":" + botApi.port()), conversation,
        subscribers, messages, outbox);
    bot.start();
  }

  @AfterEach
  void stop() throws Exception {
    botApi.awaitLongPoll(WAIT);
    bot.close();
    outbox.close();
    botApi.close();
    db.close();
  }

  @Test
  void startLearnsItsNameAndRegistersCommandsInEnglishAndIndonesian() {
    List<FakeBotApi.Request> commands = botApi.requests("setMyCommands");

    assertEquals(2, commands.size());
    assertThat(commands).extracting(r -> r.parameter("language_code")).containsExactlyInAnyOrder("", "id");
    assertThat(commands.get(0).parameter("commands")).contains("\"command\":\"latest\"");
    assertThat(botApi.requests("getMe")).hasSize(1);
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void startGreetsAnIndonesianReaderInIndonesianAndRegistersTheChat() throws Exception {
    botApi.pushPrivateMessage(READER, "id", "/start");

    FakeBotApi.Request sent = botApi.takeRequest("sendMessage", WAIT);

    assertEquals(String.valueOf(READER), sent.parameter("chat_id"));
    assertThat(sent.parameter("parse_mode")).isEqualToIgnoringCase("HTML");
    assertThat(sent.parameter("text")).startsWith("👋 <b>Selamat datang di Warta</b>");
    assertThat(sent.parameter("link_preview_options")).contains("\"is_disabled\":true");
    assertEquals(Subscriber.Status.ACTIVE, subscribers.require(READER).status());
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void aReplyGoesAheadOfABroadcastThroughTheSameOutbox() throws Exception {
    // 300 digests at 30 messages/s: ten seconds of broadcast already queued.
    for (long chat = 10_000; chat < 10_300; chat++) {
      outbox.submit(chat, false, warta.delivery.Outgoing.html("<b>Digest</b> for " + chat), Outbox.Priority.BROADCAST);
    }

    botApi.pushPrivateMessage(READER, "en", "/help");

    int broadcastBefore = 0;
    while (true) {
      FakeBotApi.Request sent = botApi.takeRequest("sendMessage", WAIT);
      assertThat(sent).as("a reply to /help").isNotNull();
      if (sent.parameter("chat_id").equals(String.valueOf(READER))) {
        break;
      }
      broadcastBefore++;
    }
    // Sent at the next free slot, not after the queue: far fewer than the 300 queued went first.
    assertThat(broadcastBefore).isLessThan(150);
    List<Instant> times = botApi.requests("sendMessage").stream().map(FakeBotApi.Request::received).toList();
    assertThat(Duration.between(times.get(0), times.get(times.size() - 1))).as("the pace of 30/s held")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1000L * (times.size() - 30) / 30));
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void latestSendsStoredStoriesAsValidEscapedHtml() throws Exception {
    botApi.pushPrivateMessage(READER, "en", "/latest");

    FakeBotApi.Request sent = botApi.takeRequest("sendMessage", WAIT);

    assertThat(sent.parameter("text")).startsWith("<b>Latest headlines</b>\n\n"
        + "<b>Kenya &amp; Haiti &lt;Sign&gt; Police Deployment Agreement in Nairobi</b>");
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void aTopicButtonEditsTheKeyboardInPlaceAndAnswersThePress() throws Exception {
    botApi.pushPrivateMessage(READER, "en", "/topics");
    FakeBotApi.Request keyboard = botApi.takeRequest("sendMessage", WAIT);
    assertThat(keyboard.parameter("reply_markup")).contains("\"callback_data\":\"t:x:");
    long messageId = 1;

    botApi.pushCallbackQuery(READER, READER, messageId, "t:x:economy:0");

    FakeBotApi.Request edit = botApi.takeRequest("editMessageText", WAIT);
    FakeBotApi.Request answer = botApi.takeRequest("answerCallbackQuery", WAIT);
    assertThat(edit.parameter("reply_markup")).contains("✅ Economy");
    assertEquals("+ Economy", answer.parameter("text"));
    assertThat(subscribers.require(READER).topics()).extracting(t -> t.code()).containsExactly("economy");
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void tooManyRequestsIsWaitedOutForRetryAfterThenSent() throws Exception {
    botApi.failNext("sendMessage", 1, FakeBotApi.Failure.tooManyRequests(Duration.ofSeconds(1)));
    botApi.pushPrivateMessage(READER, "en", "/help");

    FakeBotApi.Request refused = botApi.takeRequest("sendMessage", WAIT);
    FakeBotApi.Request sent = botApi.takeRequest("sendMessage", WAIT);

    assertEquals(429, refused.status());
    assertEquals(200, sent.status());
    assertThat(Duration.between(refused.received(), sent.received())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aChatThatBlockedTheBotIsMarkedBlockedAndPollingGoesOn() throws Exception {
    botApi.pushPrivateMessage(READER, "en", "/start");
    botApi.takeRequest("sendMessage", WAIT);
    botApi.failChat(READER, FakeBotApi.Failure.blockedByUser());

    botApi.pushPrivateMessage(READER, "en", "/help");
    assertEquals(403, botApi.takeRequest("sendMessage", WAIT).status());
    botApi.pushPrivateMessage(READER + 1, "en", "/help");

    assertEquals(String.valueOf(READER + 1), botApi.takeRequest("sendMessage", WAIT).parameter("chat_id"));
    assertEquals(Subscriber.Status.BLOCKED, subscribers.require(READER).status());
  }

  @Test
  void beingKickedPausesAChatAndBeingAddedBackResumesIt() throws Exception {
    botApi.pushPrivateMessage(READER, "en", "/start");
    botApi.takeRequest("sendMessage", WAIT);

    botApi.pushMyChatMember(READER, READER, "member", "kicked");
    awaitStatus(READER, Subscriber.Status.BLOCKED);
    botApi.pushMyChatMember(READER, READER, "kicked", "member");

    awaitStatus(READER, Subscriber.Status.ACTIVE);
  }

  @Test
  void aGroupThatBecomesASupergroupKeepsItsSubscription() throws Exception {
    long group = -4001;
    long supergroup = -1001234567890L;
    botApi.answer("getChatMember", p -> java.util.Map.of("status", "administrator",
        "user", java.util.Map.of("id", READER, "is_bot", false, "first_name", "Admin")));
    botApi.pushGroupCommand(group, READER, "en", "/start");
    botApi.takeRequest("sendMessage", WAIT);

    botApi.pushMigration(group, supergroup);

    awaitTrue(() -> subscribers.find(supergroup).isPresent());
    assertEquals(Optional.empty(), subscribers.find(group));
    assertEquals(Subscriber.ChatType.SUPERGROUP, subscribers.require(supergroup).chatType());
  }

  @Test
  void inAGroupAMemberWhoIsNotAnAdminCannotChangeSettings() throws Exception {
    long group = -4002;
    botApi.answer("getChatMember", p -> java.util.Map.of("status", "member",
        "user", java.util.Map.of("id", READER, "is_bot", false, "first_name", "Member")));

    botApi.pushGroupCommand(group, READER, "en", "/time 08:00");

    assertEquals("Only the group's admins can change its settings.",
        botApi.takeRequest("sendMessage", WAIT).parameter("text"));
    assertEquals(Optional.empty(), subscribers.find(group));
  }

  @Test
  void aServerErrorIsRetriedAndTheReplyStillArrives() throws Exception {
    botApi.failNext("sendMessage", 2, FakeBotApi.Failure.badGateway());
    botApi.pushPrivateMessage(READER, "en", "/help");

    botApi.takeRequest("sendMessage", WAIT);
    botApi.takeRequest("sendMessage", WAIT);
    FakeBotApi.Request third = botApi.takeRequest("sendMessage", WAIT);

    assertEquals(200, third.status());
    assertThat(third.parameter("text")).startsWith("<b>Warta commands</b>");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      /help                              | <b>Warta commands</b>
      /latest Kenya 3                    | <b>Latest on Kenya</b>
      /latest Narnia                     | Unknown topic “Narnia”
      /digest                            | <b>Your digest</b>
      /search police                     | <b>Search:</b> police
      /search zzzz                       | Nothing found for “zzzz”.
      /subscribe Rusia, Asia Tenggara    | Added: Russia, Southeast Asia.
      /unsubscribe Japan                 | Not in your topics: Japan.
      /time 25:99                        | Send the time like this
      /time 06:45                        | Your digest now comes every day at <b>06:45</b>
      /timezone Asia/Jakarta             | Time zone set to <b>Asia/Jakarta</b>
      /timezone Nowhere/Land             | “Nowhere/Land” is not a time zone I know.
      /language en                       | I will answer in English.
      /language xx                       | Choose <code>/language id</code>
      /pause                             | ⏸ Daily digest paused.
      /resume                            | Your digest is already on.
      /settings                          | <b>Your settings</b>
      /stop                              | Stop Warta here?
      /weather                           | I don't know /weather.
      hello there                        | I answer commands only.
      """)
  void everyCommandAnswersWithValidTelegramHtml(String typed, String expectedStart) throws Exception {
    botApi.pushPrivateMessage(READER, "en", "/start");
    botApi.takeRequest("sendMessage", WAIT);

    botApi.pushPrivateMessage(READER, "en", typed);

    assertThat(botApi.takeRequest("sendMessage", WAIT).parameter("text")).startsWith(expectedStart);
    assertThat(botApi.violations()).isEmpty();
  }

  private void awaitStatus(long chat, Subscriber.Status status) throws InterruptedException {
    awaitTrue(() -> subscribers.find(chat).map(Subscriber::status).orElse(null) == status);
  }

  /** Waits for the bot's own threads to act on an update; bounded. */
  private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(20);
    }
  }
}
