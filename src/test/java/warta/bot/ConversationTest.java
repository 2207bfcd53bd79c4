package warta.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.i18n.Language;
import warta.i18n.Messages;
import warta.ingest.ArticleFolderScanner;
import warta.ingest.IngestProgress;
import warta.storage.Database;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.topic.Topic;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** The bot's answers to each command, on a real database, without any transport. */
class ConversationTest {

  private static final long CHAT = 4242L;
  private static final Instant NOW = Instant.parse("2024-03-05T02:00:00Z"); // 09:00 in Jakarta

  @TempDir
  Path dir;

  private Database db;
  private SubscriberStore subscribers;
  private Conversation bot;

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("warta.db"));
    TopicCatalog catalog = TopicCatalog.standard();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ArticleStore articles = new ArticleStore(db, catalog);
    Path folder = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(folder.resolve("kenya.txt"), """
        MARCH 4, 2024
        World

        Kenya and Haiti Sign Police Deployment Agreement in Nairobi

        NAIROBI (Reuters) - Kenya and Haiti signed an agreement on Friday that clears the way for Kenyan police officers to lead a security mission in Haiti, officials said.
        """);
    new ArticleFolderScanner(db, new ArticleParsers(new TopicTagger(catalog)), articles, Duration.ofHours(72), clock)
        .ingest(folder, IngestProgress.SILENT);
    subscribers = new SubscriberStore(db, catalog::find, clock);
    bot = new Conversation(subscribers, articles, catalog, new Messages(),
        new Defaults(ZoneId.of("UTC"), ZoneId.of("Asia/Jakarta"), LocalTime.of(7, 0)), clock,
        new warta.delivery.DeliveryLedger(db, clock));
    bot.setBotUsername("WartaTestBot");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Reply> say(String text) {
    return bot.handle(Incoming.message(CHAT, Subscriber.ChatType.PRIVATE, 7, "id", text, () -> true));
  }

  private String only(List<Reply> replies) {
    assertEquals(1, replies.size(), replies.toString());
    return replies.get(0).text();
  }

  @Test
  void startRegistersAnIndonesianReaderWithJakartaTimeAndGreetsInIndonesian() {
    String greeting = only(say("/start"));

    assertThat(greeting).startsWith("👋 <b>Selamat datang di Warta</b>").contains("<b>07:00</b> (Asia/Jakarta)");
    assertEquals(new Subscriber(CHAT, Subscriber.ChatType.PRIVATE, Language.ID, ZoneId.of("Asia/Jakarta"),
        LocalTime.of(7, 0), Subscriber.Status.ACTIVE, true, Set.of()), subscribers.require(CHAT));
  }

  @Test
  void subscribeReadsNamesAndAliasesInEitherLanguageAndSaysWhatChanged() {
    say("/start");

    String answer = only(say("/subscribe Rusia, Asia Tenggara economy Malaysai"));

    assertThat(answer).contains("Ditambahkan:").contains("Rusia").contains("Asia Tenggara")
        .contains("Topik “Malaysai” tidak dikenal. Coba: Malaysia");
    assertThat(subscribers.require(CHAT).topics()).contains(Topic.country("RU"), Topic.region("southeast-asia"),
        Topic.theme("economy"));
  }

  @Test
  void latestShowsStoredStoriesAsEscapedHtmlWithoutPreviews() {
    Reply reply = say("/latest").get(0);

    assertThat(reply.text()).startsWith("<b>Berita terbaru</b>\n\n<b>Kenya and Haiti Sign Police Deployment Agreement in Nairobi</b>");
    assertEquals(false, reply.previews());
  }

  @Test
  void latestWithAnUnknownTopicSuggestsTheNearest() {
    assertThat(only(say("/latest Rusiaa"))).startsWith("Topik “Rusiaa” tidak dikenal. Coba: Rusia");
  }

  @Test
  void timeAndTimezoneChangeTheSchedule() {
    say("/start");

    assertThat(only(say("/time 07:30"))).contains("<b>07:30</b> (Asia/Jakarta)");
    assertThat(only(say("/timezone wita"))).contains("<b>Asia/Makassar</b>");
    assertThat(only(say("/timezone Mars/Base"))).contains("bukan zona waktu");
    Subscriber reader = subscribers.require(CHAT);
    assertEquals(LocalTime.of(7, 30), reader.deliveryTime());
    assertEquals(ZoneId.of("Asia/Makassar"), reader.zone());
  }

  @Test
  void languageSwitchesTheRepliesFromThenOn() {
    say("/start");

    assertEquals("I will answer in English.", only(say("/language en")));
    assertThat(only(say("/help"))).startsWith("<b>Warta commands</b>");
  }

  @Test
  void pauseAndResumeToggleTheDigest() {
    say("/start");

    assertThat(only(say("/pause"))).startsWith("⏸");
    assertEquals(Subscriber.Status.PAUSED, subscribers.require(CHAT).status());
    assertThat(only(say("/pause"))).contains("sudah dijeda");
    assertThat(only(say("/resume"))).startsWith("▶️");
  }

  @Test
  void stopAsksFirstThenDeletesTheChatsData() {
    say("/start");
    Reply question = say("/stop").get(0);

    assertThat(question.buttons().get(0)).extracting(Reply.Button::data).containsExactly("stop:yes", "stop:no");
    List<Reply> done = bot.handle(Incoming.button(CHAT, Subscriber.ChatType.PRIVATE, 7, "id",
        new Incoming.Callback("cb1", "stop:yes", 99), () -> true));

    assertEquals(java.util.Optional.of(99), done.get(0).replacing());
    assertEquals(java.util.Optional.empty(), subscribers.find(CHAT));
  }

  @Test
  void topicsKeyboardTogglesATopicAndRedrawsThePage() {
    say("/start");
    Reply keyboard = say("/topics").get(0);
    Reply.Button first = keyboard.buttons().get(0).get(0);

    List<Reply> pressed = bot.handle(Incoming.button(CHAT, Subscriber.ChatType.PRIVATE, 7, "id",
        new Incoming.Callback("cb2", first.data(), 55), () -> true));

    assertEquals(java.util.Optional.of(55), pressed.get(0).replacing());
    assertThat(pressed.get(0).buttons().get(0).get(0).label()).startsWith("✅ ");
    assertThat(subscribers.require(CHAT).topics()).hasSize(1);
    assertThat(keyboard.buttons()).allSatisfy(row -> row.forEach(b ->
        assertThat(b.data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64)));
  }

  @Test
  void inAGroupOnlyAdminsChangeSettingsAndOtherBotsCommandsAreIgnored() {
    long group = -100123L;
    List<Reply> byMember = bot.handle(Incoming.message(group, Subscriber.ChatType.SUPERGROUP, 8, "en",
        "/time@WartaTestBot 08:00", () -> false));
    List<Reply> forOtherBot = bot.handle(Incoming.message(group, Subscriber.ChatType.SUPERGROUP, 8, "en",
        "/latest@OtherBot", () -> true));
    List<Reply> latestByMember = bot.handle(Incoming.message(group, Subscriber.ChatType.SUPERGROUP, 8, "en",
        "/latest@WartaTestBot", () -> false));

    assertEquals("Only the group's admins can change its settings.", only(byMember));
    assertEquals(List.of(), forOtherBot);
    assertThat(only(latestByMember)).startsWith("<b>Latest headlines</b>");
  }

  @Test
  void aFloodGetsOneCooldownNoticeThenSilence() {
    long answered = 0;
    long notices = 0;
    long silent = 0;
    for (int i = 0; i < 15; i++) {
      List<Reply> replies = say("/help");
      if (replies.isEmpty()) {
        silent++;
      } else if (replies.get(0).text().startsWith("⏳")) {
        notices++;
      } else {
        answered++;
      }
    }

    assertEquals(List.of(8L, 1L, 6L), List.of(answered, notices, silent));
  }

  @Test
  void unknownCommandsAndFreeTextGetAShortHelpfulReply() {
    assertEquals("Saya tidak mengenal /weather. /help berisi perintah yang tersedia.", only(say("/weather")));
    assertEquals("Saya hanya menjawab perintah. Coba /latest atau /help.", only(say("halo bot")));
  }

  @Test
  void aTimeThatHasPassedTodayMeansTomorrowsDigest() {
    say("/start"); // 09:00 in Jakarta: the default 07:00 has passed, so the first digest is tomorrow's

    var ledger = new warta.delivery.DeliveryLedger(db, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(only(say("/time 08:30"))).contains("besok");
    assertEquals(true, ledger.hasDigestFor(CHAT, java.time.LocalDate.of(2024, 3, 5)));
    assertThat(only(say("/time 21:00"))).doesNotContain("besok"); // later today: today's is on again
    assertEquals(false, ledger.hasDigestFor(CHAT, java.time.LocalDate.of(2024, 3, 5)));
  }

  @Test
  void digestNowCarriesTheStoriesOnceAndCountsAsTodays() {
    say("/start");
    say("/subscribe Kenya");

    String first = String.join("\n", say("/digest").stream().map(Reply::text).toList());
    String second = String.join("\n", say("/digest").stream().map(Reply::text).toList());

    assertThat(first).contains("Kenya and Haiti Sign Police Deployment Agreement in Nairobi");
    assertThat(second).contains("Belum ada berita baru").doesNotContain("Kenya and Haiti Sign Police");
  }

  @Test
  void healthAnswersOnlyInTheAdminChats() {
    Conversation withAdmin = new Conversation(subscribers, null, TopicCatalog.standard(), new Messages(),
        new Defaults(ZoneId.of("UTC"), ZoneId.of("Asia/Jakarta"), LocalTime.of(7, 0)), Clock.systemUTC(),
        new warta.delivery.DeliveryLedger(db, Clock.systemUTC()), Set.of(CHAT),
        () -> List.of("last ingest: never", "articles: 0 <none>"));

    List<Reply> admin = withAdmin.handle(Incoming.message(CHAT, Subscriber.ChatType.PRIVATE, 7, "en", "/health",
        () -> true));
    List<Reply> reader = withAdmin.handle(Incoming.message(CHAT + 1, Subscriber.ChatType.PRIVATE, 8, "en", "/health",
        () -> true));

    assertEquals("<pre>last ingest: never\narticles: 0 &lt;none&gt;</pre>", only(admin));
    assertEquals("I don't know /health. /help lists what I can do.", only(reader));
    assertThat(withAdmin.commandNames()).doesNotContain("health");
  }

  @Test
  void hostileTextIsEscapedInReplies() {
    assertThat(only(say("/search <b>&\"x\"</b>"))).contains("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;");
  }
}
