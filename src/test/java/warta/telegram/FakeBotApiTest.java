package warta.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.DeleteMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import warta.telegram.FakeBotApi.Failure;
import warta.telegram.FakeBotApi.Violation;

class FakeBotApiTest {

  private static final String TOKEN = "TEST_TOKEN";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ObjectMapper json = new ObjectMapper();
  private final FakeBotApi botApi = FakeBotApi.start();
  private final OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, botApi.url());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    botApi.close();
  }

  // ---- sending with the real client

  @Test
  void sendMessageAnswersAMessageNumberedPerChatWithDateChatAndBot() throws Exception {
    long before = Instant.now().getEpochSecond();

    Message first = client.execute(SendMessage.builder().chatId(42L).text("Hello").build());
    Message second = client.execute(SendMessage.builder().chatId(42L).text("Again").build());
    Message elsewhere = client.execute(SendMessage.builder().chatId(43L).text("Hi").build());

    assertThat(first.getDate().longValue()).isBetween(before, Instant.now().getEpochSecond());
    assertThat(first).isEqualTo(message(1, 42, first.getDate(), "Hello"));
    assertThat(second).isEqualTo(message(2, 42, second.getDate(), "Again"));
    assertThat(elsewhere).isEqualTo(message(1, 43, elsewhere.getDate(), "Hi"));
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void everyCallIsRecordedWithItsParametersAndStatus() throws Exception {
    client.execute(SendMessage.builder().chatId(42L).text("Hello").disableNotification(true).build());

    FakeBotApi.Request request = botApi.takeRequest("sendMessage", WAIT);

    assertThat(request.token()).isEqualTo(TOKEN);
    assertThat(request.method()).isEqualTo("sendmessage");
    assertThat(request.parameters()).isEqualTo(json.readTree(
        "{\"chat_id\":\"42\",\"text\":\"Hello\",\"disable_notification\":true,\"method\":\"sendmessage\"}"));
    assertThat(request.status()).isEqualTo(200);
    assertThat(botApi.requests()).containsExactly(request);
  }

  @Test
  void htmlIsReadIntoTheTextTheReaderSees() throws Exception {
    Message sent = client.execute(SendMessage.builder().chatId(42L).parseMode("HTML")
        .text("<b>Asia</b> &amp; <a href=\"https://example.com/?a=1&amp;b=2\">world</a> &#8212; &lt;3").build());

    assertThat(sent.getText()).isEqualTo("Asia & world \u2014 <3");
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void invalidHtmlIsRefusedAsTelegramRefusesIt() {
    var refused = catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(
        SendMessage.builder().chatId(42L).parseMode("HTML").text("Héadline<p>lead</p>").build()));

    String description = "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 9";
    assertThat(refused.getErrorCode()).isEqualTo(400);
    assertThat(refused.getApiResponse()).isEqualTo(description);
    assertThat(botApi.violations()).containsExactly(new Violation("sendmessage", description));
    assertThat(botApi.requests("sendmessage")).extracting(FakeBotApi.Request::status).containsExactly(400);
  }

  @Test
  void textLongerThan4096CharactersAfterParsingIsRefused() throws Exception {
    String longest = "<b>" + "x".repeat(4096) + "</b>";

    client.execute(SendMessage.builder().chatId(42L).parseMode("HTML").text(longest).build());
    var refused = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(42L).text("x".repeat(4097)).build()));

    assertThat(refused.getApiResponse()).isEqualTo("Bad Request: message is too long");
  }

  @Test
  void editMessageTextAnswersTheEditedMessage() throws Exception {
    Message sent = client.execute(SendMessage.builder().chatId(42L).text("Draft").build());

    var edited = (Message) client.execute(EditMessageText.builder().chatId(42L).messageId(sent.getMessageId())
        .text("<i>Final</i>").parseMode("HTML").build());

    Message expected = message(1, 42, sent.getDate(), "Final");
    expected.setEditDate(edited.getEditDate());
    assertThat(edited).isEqualTo(expected);
    assertThat(edited.getEditDate()).isGreaterThanOrEqualTo(sent.getDate());
    var unchanged = catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(EditMessageText
        .builder().chatId(42L).messageId(sent.getMessageId()).text("Final").build()));
    assertThat(unchanged.getApiResponse()).startsWith("Bad Request: message is not modified");
  }

  @Test
  void answerCallbackQueryAndSetMyCommandsAnswerTrue() throws Exception {
    Boolean answered = client.execute(AnswerCallbackQuery.builder().callbackQueryId("cb-1").text("Saved").build());
    Boolean set = client.execute(SetMyCommands.builder().commands(List.of(new BotCommand("start", "Subscribe"),
        new BotCommand("topics", "Choose topics"))).build());

    assertThat(answered).isTrue();
    assertThat(set).isTrue();
    assertThat(client.execute(GetMyCommands.builder().build())).containsExactly(
        new BotCommand("start", "Subscribe"), new BotCommand("topics", "Choose topics"));
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void commandsTelegramWouldRefuseAreRefused() {
    var uppercase = catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(
        SetMyCommands.builder().commands(List.of(new BotCommand("Start", "Subscribe"))).build()));

    assertThat(uppercase.getApiResponse()).isEqualTo("Bad Request: BOT_COMMAND_INVALID");
  }

  @Test
  void callbackDataLongerThan64BytesIsRefused() {
    var keyboard = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
        .text("Dunia").callbackData("topic:" + "é".repeat(30)).build())).build();

    var refused = catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(
        SendMessage.builder().chatId(42L).text("Pick").replyMarkup(keyboard).build()));

    assertThat(refused.getApiResponse()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
  }

  @Test
  void everydayCallsOfTheRealClientPassTheSpecWithoutViolations() throws Exception {
    var keyboard = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("Read").url("https://example.com/a").build(),
        InlineKeyboardButton.builder().text("Asia").callbackData("topic:asia").build())).build();

    User me = client.execute(new GetMe());
    Message sent = client.execute(SendMessage.builder().chatId(42L).text("<b>Digest</b>").parseMode("HTML")
        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
        .replyParameters(ReplyParameters.builder().messageId(1).allowSendingWithoutReply(true).build())
        .replyMarkup(keyboard).build());
    client.execute(EditMessageReplyMarkup.builder().chatId(42L).messageId(sent.getMessageId()).build());
    client.execute(SendChatAction.builder().chatId(42L).action(ActionType.TYPING.toString()).build());
    client.execute(SetMyCommands.builder().commands(List.of(new BotCommand("topik", "Pilih topik")))
        .scope(new BotCommandScopeChat("42")).languageCode("id").build());
    client.execute(DeleteMyCommands.builder().build());
    Message photo = client.execute(SendPhoto.builder().chatId(42L).caption("<i>Banjir</i> di Jakarta")
        .parseMode("HTML").photo(new InputFile(new ByteArrayInputStream(new byte[] {1, 2, 3}), "flood.jpg")).build());
    client.execute(DeleteMessage.builder().chatId(42L).messageId(sent.getMessageId()).build());

    assertThat(me.getUserName()).isEqualTo("WartaTestBot");
    assertThat(photo.getCaption()).isEqualTo("Banjir di Jakarta");
    assertThat(botApi.requests()).extracting(FakeBotApi.Request::method, FakeBotApi.Request::status).containsExactly(
        tuple("getme", 200), tuple("sendmessage", 200), tuple("editmessagereplymarkup", 200),
        tuple("sendChatAction", 200), tuple("setMyCommands", 200), tuple("deleteMyCommands", 200),
        tuple("sendphoto", 200), tuple("deleteMessage", 200));
    assertThat(botApi.requests("sendphoto").get(0).parameters()).isEqualTo(json.readTree("{\"chat_id\":\"42\","
        + "\"photo\":\"attach://flood.jpg\",\"flood.jpg\":\"<file flood.jpg, 3 bytes>\",\"caption\":\"<i>Banjir</i> di Jakarta\","
        + "\"parse_mode\":\"HTML\",\"caption_entities\":\"[]\"}")); // multipart: every value a string
    assertThat(botApi.violations()).isEmpty();
  }

  // ---- scripted failures

  @Test
  void tooManyRequestsCarriesRetryAfter() throws Exception {
    botApi.failNext("sendMessage", 1, Failure.tooManyRequests(Duration.ofSeconds(7)));

    var refused = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(42L).text("Hello").build()));
    Message next = client.execute(SendMessage.builder().chatId(42L).text("Hello").build());

    assertThat(refused.getErrorCode()).isEqualTo(429);
    assertThat(refused.getApiResponse()).isEqualTo("Too Many Requests: retry after 7");
    assertThat(refused.getParameters().getRetryAfter()).isEqualTo(7);
    assertThat(next.getMessageId()).isEqualTo(1);
    assertThat(botApi.tooManyRequests()).isEqualTo(1);
  }

  @Test
  void blockedChatAnswers403ToEverySendAndOtherChatsStillWork() throws Exception {
    botApi.failChat(42, Failure.blockedByUser());

    var first = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(42L).text("Hello").build()));
    var second = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(42L).text("Hello").build()));
    Message other = client.execute(SendMessage.builder().chatId(43L).text("Hello").build());

    assertThat(List.of(first.getErrorCode(), second.getErrorCode())).containsExactly(403, 403);
    assertThat(first.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
    assertThat(other.getChatId()).isEqualTo(43L);
  }

  @Test
  void upgradedGroupAnswersWithItsNewChatId() {
    botApi.failNext("sendmessage", 1, Failure.upgradedToSupergroup(-1001234567890L));

    var refused = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(-4242L).text("Hello").build()));

    assertThat(refused.getErrorCode()).isEqualTo(400);
    assertThat(refused.getApiResponse()).isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
    assertThat(refused.getParameters().getMigrateToChatId()).isEqualTo(-1001234567890L);
  }

  @Test
  void chatNotFoundAndServerErrorsArriveAsTheirCodes() {
    botApi.failNext("sendmessage", 1, Failure.chatNotFound());
    botApi.failNext("sendmessage", 1, Failure.internalServerError());
    botApi.failNext("sendmessage", 1, Failure.badGateway());

    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      codes.add(catchThrowableOfType(TelegramApiRequestException.class,
          () -> client.execute(SendMessage.builder().chatId(42L).text("Hello").build())).getErrorCode());
    }

    assertThat(codes).containsExactly(400, 500, 0); // the HTML page cannot be read: its status is lost
    assertThat(botApi.requests("sendmessage")).extracting(FakeBotApi.Request::status).containsExactly(400, 500, 502);
  }

  @Test
  void okHttpResendsACallOnceWhenAReusedConnectionDrops() throws Exception {
    client.execute(SendMessage.builder().chatId(42L).text("first").build()); // leaves a pooled connection
    botApi.failNext("sendmessage", 1, Failure.droppedConnection());

    Message sent = client.execute(SendMessage.builder().chatId(42L).text("second").build());

    assertThat(sent.getText()).isEqualTo("second");
    assertThat(botApi.requests("sendmessage")).extracting(FakeBotApi.Request::status).containsExactly(200, 0, 200);
  }

  @Test
  void connectionDroppedAgainOnTheResendIsAPlainTelegramApiException() throws Exception {
    client.execute(SendMessage.builder().chatId(42L).text("first").build());
    botApi.failNext("sendmessage", 2, Failure.droppedConnection());

    var dropped = catchThrowableOfType(TelegramApiException.class,
        () -> client.execute(SendMessage.builder().chatId(42L).text("second").build()));

    assertThat(dropped).isExactlyInstanceOf(TelegramApiException.class)
        .hasMessage("Unable to execute sendmessage method");
    assertThat(botApi.requests("sendmessage")).extracting(FakeBotApi.Request::status).containsExactly(200, 0, 0);
  }

  @Test
  void slowAnswerArrivesAfterTheDelay() throws Exception {
    botApi.failNext("sendmessage", 1, Failure.slow(Duration.ofMillis(300)));

    long start = System.nanoTime();
    Message sent = client.execute(SendMessage.builder().chatId(42L).text("Hello").build());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(sent.getText()).isEqualTo("Hello");
  }

  // ---- what api.json says, over raw HTTP

  @Test
  void unknownMethodIs404NotFound() throws Exception {
    HttpResponse<String> answer = post("sendMesage", "{\"chat_id\":42,\"text\":\"x\"}");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(json.readTree(answer.body()))
        .isEqualTo(json.readTree("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
    assertThat(botApi.violations()).containsExactly(new Violation("sendMesage", "Not Found"));
  }

  @Test
  void missingOrMistypedParametersAre400AndUnknownOnesAreRecorded() throws Exception {
    HttpResponse<String> noText = post("sendMessage", "{\"chat_id\":42}");
    HttpResponse<String> mistyped = post("sendMessage", "{\"chat_id\":42,\"text\":\"x\",\"disable_notification\":\"maybe\"}");
    HttpResponse<String> badButton = post("sendMessage",
        "{\"chat_id\":42,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"callback_data\":\"a\"}]]}}");
    HttpResponse<String> unknown = post("sendMessage", "{\"chat_id\":42,\"text\":\"x\",\"colour\":\"red\"}");

    assertThat(json.readTree(noText.body()).path("description").asText())
        .isEqualTo("Bad Request: message text is empty");
    assertThat(json.readTree(mistyped.body()).path("description").asText())
        .isEqualTo("Bad Request: parameter \"disable_notification\" must be of type Boolean");
    assertThat(json.readTree(badButton.body()).path("description").asText())
        .isEqualTo("Bad Request: can't parse reply_markup: field \"inline_keyboard[0][0].text\" is required");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(botApi.violations()).containsExactly(
        new Violation("sendMessage", "Bad Request: message text is empty"),
        new Violation("sendMessage", "Bad Request: parameter \"disable_notification\" must be of type Boolean"),
        new Violation("sendMessage",
            "Bad Request: can't parse reply_markup: field \"inline_keyboard[0][0].text\" is required"),
        new Violation("sendMessage", "Telegram ignores parameter \"colour\": not in the Bot API"));
  }

  @Test
  void formBodiesAreReadAsTelegramReadsThem() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("sendMessage"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("chat_id=42&text=Hello+%26+bye&reply_markup="
            + "%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22A%22%2C%22callback_data%22%3A%22a%22%7D%5D%5D%7D"))
        .build(), HttpResponse.BodyHandlers.ofString());

    JsonNode message = json.readTree(answer.body()).path("result");
    assertThat(message.path("text").asText()).isEqualTo("Hello & bye");
    assertThat(message.path("reply_markup")).isEqualTo(
        json.readTree("{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}"));
    assertThat(botApi.violations()).isEmpty();
  }

  // ---- updates

  @Test
  void longPollingApplicationReceivesPushedUpdatesInOrder() throws Exception {
    var received = new LinkedBlockingQueue<Update>();
    var application = new TelegramBotsLongPollingApplication();
    try {
      application.registerBot(TOKEN, botApi::url, new DefaultGetUpdatesGenerator(), received::addAll);

      List<JsonNode> pushed = List.of(
          botApi.pushPrivateMessage(42, "id", "/start"),
          botApi.pushGroupCommand(-4242, 7, "en", "/topics world"),
          botApi.pushCallbackQuery(42, 42, 1, "topic:asia"),
          botApi.pushMyChatMember(42, 42, "member", "kicked"),
          botApi.pushMigration(-4242, -1004242L));

      List<Update> updates = new ArrayList<>();
      for (int i = 0; i < 6; i++) updates.add(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));

      assertThat(updates.subList(0, 5)).extracting(this::asParsedJson).containsExactlyElementsOf(pushed);
      assertThat(updates.get(5).getMessage().getMigrateFromChatId()).isEqualTo(-4242L); // Telegram's second half
      Message start = updates.get(0).getMessage();
      Message topics = updates.get(1).getMessage();
      start.getEntities(); // TelegramBots decides isCommand() once the entities were read
      topics.getEntities();
      assertThat(List.of(start.isCommand(), topics.isCommand())).containsExactly(true, true);
      botApi.awaitLongPoll(WAIT); // the next poll is held here, so closing both ends it cleanly
    } finally {
      application.close(); // stops polling; the JVM would still not exit on its own
    }
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void getUpdatesWaitsUpToItsTimeoutThenAnswersNothing() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> answer = post("getUpdates", "{\"timeout\":1}");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(json.readTree(answer.body())).isEqualTo(json.readTree("{\"ok\":true,\"result\":[]}"));
  }

  @Test
  void getUpdatesAnswersAsSoonAsAnUpdateArrivesAndKeepsItUntilConfirmed() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = postAsync("getUpdates", "{\"timeout\":30}");
    botApi.awaitLongPoll(WAIT);
    JsonNode pushed = botApi.pushPrivateMessage(42, "en", "hello");

    JsonNode first = json.readTree(waiting.get(5, TimeUnit.SECONDS).body()).path("result");
    JsonNode again = json.readTree(post("getUpdates", "{}").body()).path("result");
    JsonNode confirmed = json.readTree(post("getUpdates", "{\"offset\":2}").body()).path("result");

    assertThat(first).containsExactly(pushed);
    assertThat(again).containsExactly(pushed);
    assertThat(confirmed).isEmpty();
    assertThat(botApi.unconfirmedUpdates()).isZero();
  }

  @Test
  void aSecondPollerEndsTheWaitingOneWith409Conflict() throws Exception {
    CompletableFuture<HttpResponse<String>> first = postAsync("getUpdates", "{\"timeout\":30}");
    botApi.awaitLongPoll(WAIT);

    HttpResponse<String> second = post("getUpdates", "{\"timeout\":0}");

    HttpResponse<String> ended = first.get(5, TimeUnit.SECONDS);
    assertThat(ended.statusCode()).isEqualTo(409);
    assertThat(json.readTree(ended.body()).path("description").asText()).isEqualTo(
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    assertThat(second.statusCode()).isEqualTo(200);
  }

  // ---- flood limits

  @Test
  void enforcedLimitsAnswer429WithTheSecondsToWait() throws Exception {
    botApi.enforceLimits(30, 1, 20);

    client.execute(SendMessage.builder().chatId(42L).text("one").build());
    var refused = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(42L).text("two").build()));
    client.execute(SendMessage.builder().chatId(43L).text("other chat").build());

    assertThat(refused.getErrorCode()).isEqualTo(429);
    assertThat(refused.getParameters().getRetryAfter()).isEqualTo(1);
    assertThat(botApi.tooManyRequests()).isEqualTo(1);
    FakeBotApi.SendRate rate = botApi.sendRate();
    assertThat(List.of(rate.accepted(), rate.tooManyRequests(), rate.busiestSecond())).containsExactly(2, 1, 2);
  }

  @Test
  void groupsGetTheirLimitPerMinute() throws Exception {
    botApi.enforceLimits(30, 30, 2);

    client.execute(SendMessage.builder().chatId(-4242L).text("one").build());
    client.execute(SendMessage.builder().chatId(-4242L).text("two").build());
    var refused = catchThrowableOfType(TelegramApiRequestException.class,
        () -> client.execute(SendMessage.builder().chatId(-4242L).text("three").build()));

    assertThat(refused.getParameters().getRetryAfter()).isBetween(59, 60);
  }

  /** What TelegramBots made of an object, written back and parsed as the fake's JSON is. */
  private JsonNode asParsedJson(Object telegramObject) {
    try {
      return json.readTree(json.writeValueAsString(telegramObject));
    } catch (JsonProcessingException e) {
      throw new AssertionError("cannot write " + telegramObject, e);
    }
  }

  /** The bot's message as Telegram answers a send: sender, chat, real date, text. */
  private static Message message(int messageId, long chatId, int date, String text) {
    var message = new Message();
    message.setMessageId(messageId);
    message.setFrom(User.builder().id(FakeBotApi.BOT_ID).isBot(true).firstName("Warta Test").userName("WartaTestBot")
        .build());
    message.setChat(Chat.builder().id(chatId).type("private").firstName("Reader " + chatId).build());
    message.setDate(date);
    message.setText(text);
    return message;
  }

  private URI uri(String method) {
    return URI.create("http://" + botApi.host() + ":" + botApi.port() + "/bot" + TOKEN + "/" + method);
  }

  private HttpResponse<String> post(String method, String body) throws Exception {
    return postAsync(method, body).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> postAsync(String method, String body) {
    return http.sendAsync(HttpRequest.newBuilder(uri(method)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
