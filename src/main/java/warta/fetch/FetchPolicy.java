package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the fetcher behaves towards the sites it reads.
 *
 * @param userAgent sent with every request and matched against robots.txt by its product token
 *     (the part before the first {@code /} or space, e.g. {@code WartaBot})
 * @param hostDelay the least time between the end of one request to a host and the start of the next
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for any data while connected
 * @param callTimeout how long one request may take in all, from connecting to the last byte of
 *     the body; each redirect hop gets its own
 * @param maxRedirects how many redirects one {@code get} follows (0 to 20)
 */
public record FetchPolicy(String userAgent, Duration hostDelay, Duration connectTimeout, Duration readTimeout,
                          Duration callTimeout, int maxRedirects) {

  private static final String WARTA_AGENT = "WartaBot/0.1 (+https://github.com/warta-news/warta)";

  public FetchPolicy {
    requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("fetch policy: user agent \"" + userAgent
          + "\" is not a printable ASCII header value such as " + WARTA_AGENT);
    }
    if (robotName(userAgent).isEmpty()) {
      throw new IllegalArgumentException("fetch policy: user agent \"" + userAgent
          + "\" does not start with a product token (letters, digits, '-' or '_', e.g. WartaBot/0.1)");
    }
    requireNonNegative("hostDelay", hostDelay);
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("readTimeout", readTimeout);
    requirePositive("callTimeout", callTimeout);
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException("fetch policy: maxRedirects=" + maxRedirects + " is not from 0 to 20");
    }
  }

  /** Warta's own agent, 1 s between requests to a host, 10 s to connect, 20 s without data, 30 s per request, 5 redirects. */
  public static FetchPolicy defaults() {
    return new FetchPolicy(WARTA_AGENT, Duration.ofSeconds(1),
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), 5);
  }

  /** The name robots.txt groups are matched against: the user agent's product token, e.g. {@code WartaBot}. */
  String robotName() {
    return robotName(userAgent);
  }

  private static String robotName(String userAgent) {
    int end = 0;
    while (end < userAgent.length() && isTokenChar(userAgent.charAt(end))) {
      end++;
    }
    return userAgent.substring(0, end);
  }

  private static boolean isTokenChar(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  private static void requireNonNegative(String name, Duration duration) {
    requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException("fetch policy: " + name + "=" + duration + " is negative");
    }
  }

  private static void requirePositive(String name, Duration duration) {
    requireNonNegative(name, duration);
    if (duration.isZero()) {
      throw new IllegalArgumentException("fetch policy: " + name + "=" + duration
          + " is zero (no limit is not allowed; give a time such as PT30S)");
    }
  }
}
