package warta.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import warta.delivery.Outgoing;
import warta.delivery.Transport.Answer;
import warta.telegram.FakeBotApi.Failure;

/** Each answer of the Bot API, through the real TelegramBots client against the fake Bot API. */
class TelegramTransportTest {

  private static final String TOKEN = "123456789:TESTtokenTESTtokenTESTtoken";
  private static final long READER = 501;
  private static final long GROUP = -4001;
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final FakeBotApi botApi = FakeBotApi.start();
  private final TelegramTransport transport =
      new TelegramTransport(new OkHttpTelegramClient(TOKEN, botApi.url()), TOKEN, false);

  @AfterEach
  void stop() {
    botApi.close();
  }

  private static Outgoing plain(String text) {
    return new Outgoing(text, false, false, List.of(), Optional.empty());
  }

  @Test
  void anAcceptedMessageGivesItsIdAndWentAsHtmlWithoutLinkPreview() throws Exception {
    Answer first = transport.send(READER, Outgoing.html("<b>Asia</b>\n• Floods in <i>Jakarta</i> &amp; Bekasi"));
    Answer second = transport.send(READER, Outgoing.html("<b>Europe</b>"));

    assertThat(first).isEqualTo(new Answer.Accepted(1));
    assertThat(second).isEqualTo(new Answer.Accepted(2));
    FakeBotApi.Request request = botApi.takeRequest("sendMessage", WAIT);
    assertThat(request.token()).isEqualTo(TOKEN);
    assertThat(request.parameter("chat_id")).isEqualTo("501");
    assertThat(request.parameter("parse_mode")).isEqualToIgnoringCase("HTML");
    assertThat(request.parameter("link_preview_options")).isEqualTo("{\"is_disabled\":true}");
    assertThat(request.parameter("allow_paid_broadcast")).isEmpty();
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void plainTextGoesWithoutParseMode() throws Exception {
    Answer answer = transport.send(READER, plain("Floods in Jakarta & Bekasi <3"));

    assertThat(answer).isEqualTo(new Answer.Accepted(1));
    assertThat(botApi.takeRequest("sendMessage", WAIT).parameter("parse_mode")).isEmpty();
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void withPaidBroadcastsEnabledEveryMessageAllowsThem() throws Exception {
    var paid = new TelegramTransport(new OkHttpTelegramClient(TOKEN, botApi.url()), TOKEN, true);

    paid.send(READER, Outgoing.html("<b>Asia</b>"));

    assertThat(botApi.takeRequest("sendMessage", WAIT).parameter("allow_paid_broadcast")).isEqualTo("true");
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void tooManyRequestsSaysHowLongTelegramWantsUsToWait() {
    botApi.failNext("sendMessage", 1, Failure.tooManyRequests(Duration.ofSeconds(7)));

    assertThat(transport.send(READER, Outgoing.html("news"))).isEqualTo(new Answer.TooManyRequests(Duration.ofSeconds(7)));
  }

  @Test
  void aReaderWhoBlockedTheBotIsGone() {
    botApi.failChat(READER, Failure.blockedByUser());

    assertThat(transport.send(READER, Outgoing.html("news")))
        .isEqualTo(new Answer.Gone("Forbidden: bot was blocked by the user"));
  }

  @Test
  void aChatThatIsNotFoundIsGone() {
    botApi.failChat(READER, Failure.chatNotFound());

    assertThat(transport.send(READER, Outgoing.html("news"))).isEqualTo(new Answer.Gone("Bad Request: chat not found"));
  }

  @Test
  void aGroupThatBecameASupergroupGivesItsNewId() {
    botApi.pushMigration(GROUP, -1001234567890L);

    assertThat(transport.send(GROUP, Outgoing.html("news"))).isEqualTo(new Answer.Migrated(-1001234567890L));
  }

  @Test
  void htmlTelegramCannotParseIsRefusedMarkup() {
    Answer answer = transport.send(READER, Outgoing.html("<p>Floods</p>"));

    assertThat(answer).isEqualTo(new Answer.RefusedMarkup(
        "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 0"));
  }

  @Test
  void anotherClientErrorIsRejected() {
    botApi.failNext("sendMessage", 1, new Failure.ErrorAnswer(400, "Bad Request: message is too long", Map.of()));

    assertThat(transport.send(READER, Outgoing.html("news")))
        .isEqualTo(new Answer.Rejected("400 Bad Request: message is too long"));
  }

  @Test
  void anEditReplacesTheMessageWithItsButtons() throws Exception {
    transport.send(READER, Outgoing.html("<b>Topics</b>"));
    var keyboard = List.of(List.of(new Outgoing.Button("✅ Asia", "t:asia"), new Outgoing.Button("Europe", "t:europe")));

    Answer answer = transport.send(READER,
        new Outgoing("<b>Topics</b>: Asia", true, false, keyboard, Optional.of(1)));

    assertThat(answer).isEqualTo(new Answer.Accepted(1));
    FakeBotApi.Request edit = botApi.takeRequest("editMessageText", WAIT);
    assertThat(edit.parameter("message_id")).isEqualTo("1");
    assertThat(edit.parameter("reply_markup")).contains("\"callback_data\":\"t:asia\"");
    assertThat(botApi.requests("sendMessage")).hasSize(1);
    assertThat(botApi.violations()).isEmpty();
  }

  @Test
  void anEditThatChangesNothingIsTaken() throws Exception {
    transport.send(READER, Outgoing.html("<b>Topics</b>"));
    var same = new Outgoing("<b>Topics</b>", true, false, List.of(), Optional.of(1));

    assertThat(transport.send(READER, same)).isEqualTo(new Answer.Accepted(1));
    assertThat(botApi.requests("editMessageText")).hasSize(1);
  }

  @Test
  void aMessageMustHaveText() {
    assertThatThrownBy(() -> Outgoing.html("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a message needs text");
  }

  @Test
  void aServerErrorIsUnavailable() {
    botApi.failNext("sendMessage", 1, Failure.internalServerError());

    assertThat(transport.send(READER, Outgoing.html("news"))).isEqualTo(new Answer.Unavailable("500 Internal Server Error"));
  }

  @Test
  void telegramsHtmlBadGatewayPageIsUnavailable() {
    botApi.failNext("sendMessage", 1, Failure.badGateway());

    Answer answer = transport.send(READER, Outgoing.html("news"));

    assertThat(answer).isEqualTo(new Answer.Unavailable(
        "an answer without the Bot API's JSON (Telegram's error page?): Unable to deserialize response"));
  }

  @Test
  void aDroppedConnectionIsUnavailableAndItsDescriptionHasNoToken() {
    botApi.failChat(READER, Failure.droppedConnection()); // every try: OkHttp itself may try a POST twice

    Answer answer = transport.send(READER, Outgoing.html("news"));

    assertThat(answer).isInstanceOf(Answer.Unavailable.class);
    assertThat(((Answer.Unavailable) answer).description()).startsWith("no answer: ").doesNotContain(TOKEN).doesNotContain("TESTtoken");
  }

  @Test
  void theDefaultClientSilentlyPostsAgainWhenAReusedConnectionDrops() {
    transport.send(READER, Outgoing.html("first")); // leaves a keep-alive connection for the next call
    botApi.failNext("sendMessage", 1, Failure.droppedConnection());

    Answer answer = transport.send(READER, Outgoing.html("second"));

    // Telegram may have taken the dropped one too: the reader could get "second" twice.
    assertThat(answer).isEqualTo(new Answer.Accepted(2));
    assertThat(botApi.requests("sendMessage")).extracting(r -> r.parameter("text") + " " + r.status())
        .containsExactly("first 200", "second 0", "second 200");
  }

  @Test
  void theClientForSendingReportsADroppedConnectionInsteadOfPostingAgain() {
    var sending = new TelegramTransport(TelegramTransport.client(TOKEN, botApi.url(), 4), TOKEN, false);
    sending.send(READER, Outgoing.html("first"));
    botApi.failNext("sendMessage", 1, Failure.droppedConnection());

    Answer answer = sending.send(READER, Outgoing.html("second"));

    assertThat(answer).isInstanceOf(Answer.Unavailable.class);
    assertThat(botApi.requests("sendMessage")).extracting(r -> r.parameter("text") + " " + r.status())
        .containsExactly("first 200", "second 0");
  }

  @Test
  void noDescriptionOfAnyFailureQuotesTheToken() {
    botApi.failNext("sendMessage", 1, Failure.badGateway());
    botApi.failNext("sendMessage", 1, new Failure.ErrorAnswer(401, "Unauthorized: bot " + TOKEN, Map.of()));

    assertThat(transport.send(READER, Outgoing.html("news")).toString()).doesNotContain(TOKEN);
    assertThat(transport.send(READER, Outgoing.html("news")).toString()).doesNotContain(TOKEN)
        .isEqualTo(new Answer.Rejected("401 Unauthorized: bot <token>").toString());
  }
}
