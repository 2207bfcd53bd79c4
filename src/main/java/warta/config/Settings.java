package warta.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.quartz.CronExpression;

/**
 * Everything the operator can set, read once at start from {@code bot.properties} with
 * system-property and environment overrides (see {@link SettingSources}). Every bad value is
 * reported at once, each naming the key, the value, where it came from and what was expected.
 *
 * @param databaseFile the SQLite file, created on first start
 * @param articlesDir where stored articles are read from, recursively
 * @param maxArticleBytes files larger than this are not parsed
 * @param ingestSchedule a Quartz cron expression for scheduled ingestion
 * @param ingestOnStart whether ingestion also runs once when the scheduler starts
 * @param storyWindow how far apart in time two copies of one story may be and still join one cluster
 * @param botToken the Telegram bot token from @BotFather; {@code ""} when not set
 * @param botApiUrl the Bot API's base URL: Telegram's, or a self-hosted Bot API server
 * @param defaultZone the time zone of new readers who are not Indonesian
 * @param indonesianZone the time zone of new Indonesian readers
 * @param defaultDeliveryTime when a new reader's daily digest comes, in their zone
 * @param adminChats chats allowed to see the bot's health in Telegram
 * @param deliveryGrace how late a digest missed while the bot was down may still go out
 * @param messagesPerSecond the global send rate (Telegram allows about 30/s; paid broadcasts up to 1000/s)
 * @param paidBroadcast whether messages are sent with {@code allow_paid_broadcast} (needed above 30/s)
 * @param fetch where the news feeds are listed and how they are fetched
 * @param webhook webhook mode's address, port and secret; empty for long polling
 * @param healthAddress where {@code run} serves its health view over HTTP; empty for none
 */
public record Settings(Path databaseFile, Path articlesDir, long maxArticleBytes, String ingestSchedule,
                       boolean ingestOnStart, Duration storyWindow, String botToken, URI botApiUrl,
                       ZoneId defaultZone, ZoneId indonesianZone, LocalTime defaultDeliveryTime,
                       Set<Long> adminChats, Duration deliveryGrace, int messagesPerSecond, boolean paidBroadcast,
                       FetchSettings fetch, Optional<WebhookSettings> webhook,
                       Optional<InetSocketAddress> healthAddress) {

  /** The token is a secret: it never appears in a string of the settings. */
  @Override
  public String toString() {
    return "Settings[database=" + databaseFile + ", articles=" + articlesDir + ", ingest=" + ingestSchedule
        + ", token=" + (botToken.isEmpty() ? "none" : "set") + ", api=" + botApiUrl + ", zone=" + defaultZone
        + ", delivery=" + defaultDeliveryTime + ", admins=" + adminChats.size()
        + ", updates=" + webhook.map(w -> "webhook " + w.url()).orElse("long polling") + "]";
  }

  /** The settings file used when {@code warta.config} (or {@code WARTA_CONFIG}) does not name another. */
  public static final String DEFAULT_FILE = "bot.properties";

  /** Reads the settings of this process: its settings file, environment and system properties. */
  public static Settings load() {
    Properties system = System.getProperties();
    Map<String, String> environment = System.getenv();
    String file = Optional.ofNullable(system.getProperty("warta.config"))
        .or(() -> Optional.ofNullable(environment.get("WARTA_CONFIG")))
        .orElse(DEFAULT_FILE);
    return load(Path.of(file), environment, system);
  }

  /**
   * Reads settings from a properties file (absent is fine: defaults apply), overridden by the
   * given environment and system properties.
   *
   * @throws SettingsException listing every bad value
   */
  public static Settings load(Path file, Map<String, String> environment, Properties system) {
    Reader r = new Reader(new SettingSources(SettingSources.readFile(file), file.getFileName().toString(),
        environment, system));
    Settings settings = new Settings(
        r.path("database.path", "data/warta.db"),
        r.path("articles.dir", "data/articles"),
        r.number("articles.max-megabytes", 16, 1, 1024, "megabytes") << 20,
        r.cron("ingest.cron", "0 0/10 * * * ?"),
        r.bool("ingest.on-start", true),
        Duration.ofHours(r.number("stories.window-hours", 72, 1, 24 * 30, "hours")),
        r.read("telegram.bot.token", "", "a bot token (digits, a colon, then letters; from @BotFather)",
            text -> text.matches("\\d{3,}:[A-Za-z0-9_-]{20,}") ? Optional.of(text) : Optional.empty()),
        r.read("telegram.api.url", URI.create("https://api.telegram.org"), "an http or https URL",
            Reader::url),
        r.zone("defaults.time-zone", "UTC"),
        r.zone("defaults.indonesian-time-zone", "Asia/Jakarta"),
        r.read("defaults.delivery-time", LocalTime.of(7, 0), "a time of day as HH:MM", text -> {
          try {
            return Optional.of(LocalTime.parse(text));
          } catch (DateTimeParseException e) {
            return Optional.empty();
          }
        }),
        r.read("admin.chat-ids", Set.of(), "chat ids separated by commas", Reader::chatIds),
        Duration.ofHours(r.number("delivery.grace-hours", 6, 0, 24, "hours")),
        (int) r.number("telegram.messages-per-second", 30, 1, 1000, "messages per second"),
        r.bool("telegram.paid-broadcast", false),
        new FetchSettings(
            r.path("sources.file", "data/sources.txt"),
            r.bool("fetch.enabled", true),
            Duration.ofMinutes(r.number("fetch.interval-minutes", 30, 5, 24 * 60, "minutes")),
            Duration.ofSeconds(r.number("fetch.host-delay-seconds", 2, 0, 60, "seconds")),
            (int) r.number("fetch.max-items-per-source", 30, 1, 500, "items"),
            r.read("fetch.user-agent", FetchSettings.DEFAULT_USER_AGENT,
                "a printable ASCII user agent starting with a product name, e.g. " + FetchSettings.DEFAULT_USER_AGENT,
                text -> text.matches("[A-Za-z0-9_-]+[ -~]*") ? Optional.of(text) : Optional.empty()),
            Duration.ofDays(r.number("fetch.keep-days", 30, 0, 3650, "days (0 keeps pages for ever)"))),
        webhook(r),
        r.read("health.address", Optional.empty(), "host:port (e.g. 127.0.0.1:8080), or a port alone",
            text -> Reader.address(text).map(Optional::of)));
    r.failIfAnyProblem();
    return settings;
  }

  /** Webhook mode when {@code telegram.webhook.url} is set; it then needs its secret. */
  private static Optional<WebhookSettings> webhook(Reader r) {
    Optional<URI> url = r.read("telegram.webhook.url", Optional.empty(), "an https URL (Telegram posts "
        + "updates only to HTTPS)", text -> Reader.url(text).filter(u -> "https".equals(u.getScheme())).map(Optional::of));
    int port = (int) r.number("telegram.webhook.port", 8443, 1, 65535, "a port");
    String secret = r.read("telegram.webhook.secret", "", "1 to 256 characters of A-Z, a-z, 0-9, _ and -",
        text -> text.matches("[A-Za-z0-9_-]{1,256}") ? Optional.of(text) : Optional.empty());
    if (url.isPresent() && secret.isEmpty()) {
      r.problem("telegram.webhook.url is set but telegram.webhook.secret is not: give a secret (environment "
          + "TELEGRAM_WEBHOOK_SECRET, 1 to 256 characters of A-Z, a-z, 0-9, _ and -) so that only Telegram's "
          + "posts are taken");
      return Optional.empty();
    }
    return url.map(u -> new WebhookSettings(u, port, secret));
  }

  /** Typed reading of one value after another, collecting problems instead of stopping at the first. */
  private static final class Reader {
    private final SettingSources sources;
    private final List<String> problems = new ArrayList<>();

    Reader(SettingSources sources) {
      this.sources = sources;
    }

    <T> T read(String key, T fallback, String expected, Function<String, Optional<T>> parse) {
      Optional<SettingSources.Value> value = sources.find(key);
      if (value.isEmpty()) {
        return fallback;
      }
      Optional<T> parsed = value.get().text().isEmpty() ? Optional.empty() : parse.apply(value.get().text());
      if (parsed.isEmpty()) {
        String shown = key.endsWith("token") || key.endsWith("secret") ? "(hidden, " + value.get().text().length() + " characters)"
            : value.get().text(); // a secret, even a malformed one, stays out of messages
        problems.add(value.get().origin() + ": " + key + "=" + shown + " is not " + expected);
        return fallback;
      }
      return parsed.get();
    }

    Path path(String key, String fallback) {
      return read(key, Path.of(fallback), "a file path", text -> {
        try {
          return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
          return Optional.empty();
        }
      });
    }

    long number(String key, long fallback, long min, long max, String unit) {
      return read(key, fallback, "a whole number of " + unit + " from " + min + " to " + max, text -> {
        try {
          long n = Long.parseLong(text);
          return n >= min && n <= max ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      });
    }

    boolean bool(String key, boolean fallback) {
      return read(key, fallback, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> Optional.of(true);
        case "false", "no", "off" -> Optional.of(false);
        default -> Optional.empty();
      });
    }

    String cron(String key, String fallback) {
      return read(key, fallback, "a Quartz cron expression (seconds minutes hours day-of-month month "
          + "day-of-week, e.g. 0 0/10 * * * ?)",
          text -> CronExpression.isValidExpression(text) ? Optional.of(text) : Optional.empty());
    }

    ZoneId zone(String key, String fallback) {
      return read(key, ZoneId.of(fallback), "a time zone (an IANA name such as Asia/Jakarta, or an offset such as +07:00)",
          text -> {
            try {
              return Optional.of(ZoneId.of(text));
            } catch (DateTimeException e) {
              return Optional.empty();
            }
          });
    }

    static Optional<URI> url(String text) {
      try {
        URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
            ? Optional.of(uri) : Optional.empty();
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }

    /** {@code host:port}, {@code :port} or {@code port} (all addresses); the host is not looked up here. */
    static Optional<InetSocketAddress> address(String text) {
      int colon = text.lastIndexOf(':');
      String host = colon < 0 ? "" : text.substring(0, colon);
      try {
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port < 1 || port > 65535 || host.contains(" ")) {
          return Optional.empty();
        }
        return Optional.of(host.isEmpty() ? new InetSocketAddress(port)
            : InetSocketAddress.createUnresolved(host, port));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    static Optional<Set<Long>> chatIds(String text) {
      Set<Long> ids = new LinkedHashSet<>();
      for (String part : text.split("[,\\s]+")) {
        if (part.isEmpty()) {
          continue;
        }
        try {
          ids.add(Long.parseLong(part));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return Optional.of(Set.copyOf(ids));
    }

    /** A problem that is no single value's, such as two settings that only work together. */
    void problem(String problem) {
      problems.add(problem);
    }

    void failIfAnyProblem() {
      if (!problems.isEmpty()) {
        throw new SettingsException(problems);
      }
    }
  }
}
