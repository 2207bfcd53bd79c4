package warta.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import warta.article.ArticleStore;
import warta.bot.Conversation;
import warta.bot.Defaults;
import warta.config.WebhookSettings;
import warta.delivery.DeliveryLedger;
import warta.delivery.Outbox;
import warta.delivery.OutboxLimits;
import warta.i18n.Messages;
import warta.storage.Database;
import warta.subscriber.SubscriberStore;
import warta.topic.TopicCatalog;

/** Webhook mode: the bot registers its webhook with the secret, and takes only posts that carry it. */
class WebhookTest {

  private static final String TOKEN = "123456789:TESTtokenTESTtokenTESTtoken";
  private static final String SECRET = "hook-Secret_123";
  private static final long READER = 501;
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeBotApi botApi;
  private Database db;
  private Outbox outbox;
  private TelegramBot bot;
  private URI hook;

  @BeforeEach
  void start() throws Exception {
    botApi = FakeBotApi.start();
    db = Database.open(dir.resolve("warta.db"));
    TopicCatalog catalog = TopicCatalog.standard();
    SubscriberStore subscribers = new SubscriberStore(db, catalog::find, Clock.systemUTC());
    Messages messages = new Messages();
    Conversation conversation = new Conversation(subscribers, new ArticleStore(db, catalog), catalog, messages,
        new Defaults(ZoneId.of("UTC"), ZoneId.of("Asia/Jakarta"), LocalTime.of(7, 0)), Clock.systemUTC(),
        new DeliveryLedger(db, Clock.systemUTC()));
    outbox = new Outbox(new TelegramTransport(new OkHttpTelegramClient(TOKEN, botApi.url()), TOKEN, false),
        OutboxLimits.telegramDefaults());
    bot = new TelegramBot(TOKEN, URI.create("http://" + botApi.host() + ":" + botApi.port()), conversation,
        subscribers, messages, outbox, Optional.of(new WebhookSettings(URI.create("https://bot.example.org/warta/hook"),
        0, SECRET)));
    bot.start();
    hook = URI.create("http://127.0.0.1:" + bot.webhookPort().orElseThrow() + "/warta/hook");
  }

  @AfterEach
  void stop() {
    bot.close();
    outbox.close();
    botApi.close();
    db.close();
  }

  @Test
  void startSetsTheWebhookWithItsSecretAndDoesNotPoll() throws Exception {
    FakeBotApi.Request set = botApi.takeRequest("setWebhook", WAIT);

    assertEquals("https://bot.example.org/warta/hook", set.parameter("url"));
    assertEquals(SECRET, set.parameter("secret_token"));
    assertThat(botApi.requests("getUpdates")).isEmpty();
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void aPostedUpdateWithTheSecretIsAnswered() throws Exception {
    String update = botApi.pushPrivateMessage(READER, "en", "/start").toString();

    HttpResponse<String> answer = post(hook, SECRET, update);

    assertEquals(200, answer.statusCode());
    FakeBotApi.Request reply = botApi.takeRequest("sendMessage", WAIT);
    assertEquals(String.valueOf(READER), reply.parameter("chat_id"));
    assertThat(reply.parameter("text")).contains("Warta");
  }

  @Test
  void postsWithoutTheSecretOrNotUpdatesAreRefusedAndNothingIsSent() throws Exception {
    String update = botApi.pushPrivateMessage(READER, "en", "/start").toString();

    assertEquals(401, post(hook, "wrong-secret", update).statusCode());
    assertEquals(401, post(hook, null, update).statusCode());
    assertEquals(400, post(hook, SECRET, "{not json").statusCode());
    assertEquals(404, post(hook.resolve("/warta/hook/other"), SECRET, update).statusCode());
    assertEquals(405, http.send(HttpRequest.newBuilder(hook).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode());
    assertEquals(413, post(hook, SECRET, "[" + "0,".repeat(600_000) + "0]").statusCode());

    // A good post after all that is still handled, and it is the only reply.
    assertEquals(200, post(hook, SECRET, update).statusCode());
    botApi.takeRequest("sendMessage", WAIT);
    assertThat(botApi.requests("sendMessage")).hasSize(1);
  }

  private HttpResponse<String> post(URI to, String secret, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(to).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (secret != null) {
      request.header(WebhookServer.SECRET_HEADER, secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
