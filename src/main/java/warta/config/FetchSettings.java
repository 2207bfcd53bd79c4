package warta.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How Warta fills the articles folder from news feeds.
 *
 * @param sourcesFile the operator's list of feeds, one per line
 * @param enabled whether {@code run} fetches on its schedule ({@code warta fetch} always works)
 * @param interval how often the sources are fetched
 * @param hostDelay the least time between two requests to one host
 * @param maxItemsPerSource the newest new items of one feed downloaded per run
 * @param userAgent sent with every request, and matched against robots.txt by its first word
 * @param keepPages how long downloaded pages stay in the articles folder (their articles stay in
 *     the store); zero keeps them for ever
 */
public record FetchSettings(Path sourcesFile, boolean enabled, Duration interval, Duration hostDelay,
                            int maxItemsPerSource, String userAgent, Duration keepPages) {

  /** Names the project and where to read about it, as a polite crawler should. */
  public static final String DEFAULT_USER_AGENT = "WartaBot/0.1 (+https://github.com/warta-news/warta)";

  public FetchSettings {
    requireNonNull(sourcesFile, "sourcesFile");
    requireNonNull(interval, "interval");
    requireNonNull(hostDelay, "hostDelay");
    requireNonNull(userAgent, "userAgent");
    requireNonNull(keepPages, "keepPages");
  }
}
