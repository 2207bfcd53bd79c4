package warta.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
 */
public record Settings(Path databaseFile, Path articlesDir, long maxArticleBytes, String ingestSchedule,
                       boolean ingestOnStart, Duration storyWindow) {

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
        Duration.ofHours(r.number("stories.window-hours", 72, 1, 24 * 30, "hours")));
    r.failIfAnyProblem();
    return settings;
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
        problems.add(value.get().origin() + ": " + key + "=" + value.get().text() + " is not " + expected);
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

    void failIfAnyProblem() {
      if (!problems.isEmpty()) {
        throw new SettingsException(problems);
      }
    }
  }
}
