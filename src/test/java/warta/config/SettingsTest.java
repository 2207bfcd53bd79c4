package warta.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir
  Path dir;

  @Test
  void defaultsApplyWithoutAFile() {
    Settings settings = Settings.load(dir.resolve("absent.properties"), Map.of(), new Properties());

    assertEquals(new Settings(Path.of("data/warta.db"), Path.of("data/articles"), 16L << 20, "0 0/10 * * * ?",
        true, Duration.ofHours(72), "", URI.create("https://api.telegram.org"), ZoneId.of("UTC"),
        ZoneId.of("Asia/Jakarta"), LocalTime.of(7, 0), Set.of(), Duration.ofHours(6), 30, false,
        new FetchSettings(Path.of("data/sources.txt"), true, Duration.ofMinutes(30), Duration.ofSeconds(2), 30,
            "WartaBot/0.1 (+https://github.com/warta-news/warta)", Duration.ofDays(30)), Optional.empty(), Optional.empty()),
        settings);
  }

  @Test
  void systemPropertyBeatsEnvironmentWhichBeatsTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("bot.properties"), "database.path=/from/file.db\narticles.dir=/from/file\n"
        + "ingest.on-start=false\n");
    Properties system = new Properties();
    system.setProperty("database.path", "/from/system.db");

    Settings settings = Settings.load(file, Map.of("DATABASE_PATH", "/from/env.db", "ARTICLES_DIR", "/from/env",
        "STORIES_WINDOW_HOURS", "24"), system);

    assertEquals(Path.of("/from/system.db"), settings.databaseFile());
    assertEquals(Path.of("/from/env"), settings.articlesDir());
    assertEquals(false, settings.ingestOnStart());
    assertEquals(Duration.ofHours(24), settings.storyWindow());
  }

  @Test
  void everyBadValueIsReportedAtOnceWithKeyValueOriginAndExpectation() throws Exception {
    Path file = Files.writeString(dir.resolve("bot.properties"), "ingest.cron=every ten minutes\n"
        + "articles.max-megabytes=0\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of("INGEST_ON_START", "maybe"), new Properties()))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertEquals(List.of(
            "bot.properties: articles.max-megabytes=0 is not a whole number of megabytes from 1 to 1024",
            "bot.properties: ingest.cron=every ten minutes is not a Quartz cron expression (seconds minutes hours "
                + "day-of-month month day-of-week, e.g. 0 0/10 * * * ?)",
            "environment INGEST_ON_START: ingest.on-start=maybe is not true or false"), e.problems()));
  }

  @Test
  void fetchSettingsAreReadAndCheckedLikeTheOthers() throws Exception {
    Path file = Files.writeString(dir.resolve("bot.properties"), "sources.file=/etc/warta/feeds.txt\n"
        + "fetch.interval-minutes=60\nfetch.enabled=off\n");

    Settings settings = Settings.load(file, Map.of("FETCH_HOST_DELAY_SECONDS", "5"), new Properties());

    assertEquals(new FetchSettings(Path.of("/etc/warta/feeds.txt"), false, Duration.ofMinutes(60),
        Duration.ofSeconds(5), 30, FetchSettings.DEFAULT_USER_AGENT, Duration.ofDays(30)), settings.fetch());
    assertThatThrownBy(() -> Settings.load(file, Map.of("FETCH_INTERVAL_MINUTES", "1", "FETCH_USER_AGENT", "ü"),
        new Properties())).isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactly(
            "environment FETCH_INTERVAL_MINUTES: fetch.interval-minutes=1 is not a whole number of minutes from 5 to 1440",
            "environment FETCH_USER_AGENT: fetch.user-agent=ü is not a printable ASCII user agent starting with a "
                + "product name, e.g. " + FetchSettings.DEFAULT_USER_AGENT));
  }

  @Test
  void webhookModeNeedsAnHttpsUrlAndASecretThatNeverShows() {
    Settings settings = Settings.load(dir.resolve("absent"), Map.of("TELEGRAM_WEBHOOK_URL",
        "https://bot.example.org/warta/hook", "TELEGRAM_WEBHOOK_SECRET", "s3cret-Token_1"), new Properties());

    assertEquals(Optional.of(new WebhookSettings(URI.create("https://bot.example.org/warta/hook"), 8443,
        "s3cret-Token_1")), settings.webhook());
    assertEquals("/warta/hook", settings.webhook().orElseThrow().path());
    assertThat(settings.toString()).contains("webhook https://bot.example.org/warta/hook").doesNotContain("s3cret");
    assertThat(settings.webhook().orElseThrow().toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> Settings.load(dir.resolve("absent"), Map.of("TELEGRAM_WEBHOOK_URL",
        "http://bot.example.org/hook", "TELEGRAM_WEBHOOK_SECRET", "has spaces s3cret"), new Properties()))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactly(
            "environment TELEGRAM_WEBHOOK_URL: telegram.webhook.url=http://bot.example.org/hook is not an https URL "
                + "(Telegram posts updates only to HTTPS)",
            "environment TELEGRAM_WEBHOOK_SECRET: telegram.webhook.secret=(hidden, 17 characters) is not 1 to 256 "
                + "characters of A-Z, a-z, 0-9, _ and -"));
    assertThatThrownBy(() -> Settings.load(dir.resolve("absent"), Map.of("TELEGRAM_WEBHOOK_URL",
        "https://bot.example.org/hook"), new Properties())).hasMessageContaining(
            "telegram.webhook.url is set but telegram.webhook.secret is not");
  }

  @Test
  void theTokenComesFromTheEnvironmentAndNeverShowsInTextOrMessages() {
    String token = "123456789:AAH-secretsecretsecretsecret_XYZ";

    Settings settings = Settings.load(dir.resolve("absent"), Map.of("TELEGRAM_BOT_TOKEN", token), new Properties());

    assertEquals(token, settings.botToken());
    assertThat(settings.toString()).doesNotContain("secret").contains("token=set");
    assertThatThrownBy(() -> Settings.load(dir.resolve("absent"), Map.of("TELEGRAM_BOT_TOKEN", "oops-secret"),
        new Properties())).hasMessage("environment TELEGRAM_BOT_TOKEN: telegram.bot.token=(hidden, 11 characters) "
            + "is not a bot token (digits, a colon, then letters; from @BotFather)");
  }

  @Test
  void environmentNameIsTheKeyInCapitalsWithUnderscores() {
    assertEquals("TELEGRAM_BOT_TOKEN", SettingSources.environmentName("telegram.bot.token"));
    assertEquals("ARTICLES_MAX_MEGABYTES", SettingSources.environmentName("articles.max-megabytes"));
  }
}
