package warta.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.fetch.Fetched.Disallowed;
import warta.fetch.Fetched.Failed;

/**
 * Whether a site's robots.txt lets our agent fetch a URL, as RFC 9309 says: fetched once per
 * site and kept a day; a 4xx answer (none there) allows everything; a 5xx, 429 or no answer means
 * nothing may be fetched from that site for now.
 */
final class RobotsTxt {

  private static final Logger log = LoggerFactory.getLogger(RobotsTxt.class);

  /** How long a site's rules are kept. */
  static final Duration KEEP = Duration.ofHours(24);
  /** RFC 9309 asks to read at least 500 KiB; the rest is ignored. */
  static final long MAX_BYTES = 500 * 1024;
  /** RFC 9309 asks to follow at least five redirects, then to treat the file as missing. */
  static final int MAX_REDIRECTS = 5;

  private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);

  private final OkHttpClient client;
  private final FetchPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  RobotsTxt(OkHttpClient client, FetchPolicy policy, Clock clock, Sleeper sleeper) {
    this.client = client;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Empty when our agent may fetch {@code url}, otherwise why not. Call it holding the host's
   * turn: fetching the file is a request to the host like any other.
   */
  Optional<Fetched> check(Host host, HttpUrl url) throws InterruptedException {
    Optional<BaseRobotRules> kept = host.rules(clock.instant());
    BaseRobotRules rules;
    if (kept.isPresent()) {
      rules = kept.get();
    } else {
      Rules fetched = fetch(host, url);
      if (fetched instanceof Rules.Unavailable unavailable) {
        return Optional.of(new Failed(url + ": robots.txt unavailable (" + unavailable.reason() + ")", true));
      }
      rules = ((Rules.Known) fetched).rules();
      host.keepRules(rules, clock.instant().plus(KEEP));
    }
    return rules.isAllowed(url.toString()) ? Optional.empty()
        : Optional.of(new Disallowed(url + ": robots.txt of " + host.origin() + " disallows it for "
            + policy.robotName()));
  }

  /** The site's rules, or why they cannot be known now ({@code reason} names the robots.txt URL). */
  private sealed interface Rules {
    record Known(BaseRobotRules rules) implements Rules {}

    record Unavailable(String reason) implements Rules {}
  }

  private Rules fetch(Host host, HttpUrl pageUrl) throws InterruptedException {
    HttpUrl url = pageUrl.newBuilder().encodedPath("/robots.txt").query(null).fragment(null)
        .username("").password("").build();
    host.awaitGap(clock, sleeper);
    try {
      for (int redirects = 0; ; redirects++) {
        Call call = client.newCall(new Request.Builder().url(url).header("User-Agent", policy.userAgent()).build());
        try (Response response = call.execute()) {
          log.debug("GET {} -> {}", url, response.code());
          int code = response.code();
          if (response.isSuccessful()) {
            ResponseBody body = response.body();
            byte[] bytes = PoliteFetcher.readAtMost(body.source(), MAX_BYTES);
            if (bytes.length > MAX_BYTES) {
              call.cancel(); // a file over the limit is cut, not read to its end
              bytes = Arrays.copyOf(bytes, (int) MAX_BYTES);
            }
            String type = body.contentType() == null ? "text/plain" : body.contentType().toString();
            return new Rules.Known(new SimpleRobotRulesParser().parseContent(url.toString(), bytes, type,
                List.of(policy.robotName().toLowerCase(Locale.ROOT))));
          }
          String location = response.header("Location");
          HttpUrl next = location == null ? null : url.resolve(location);
          if (response.isRedirect() && next != null && redirects < MAX_REDIRECTS) {
            url = next;
          } else if (code == 429 || code >= 500) {
            return new Rules.Unavailable(url + ": " + Reasons.status(response));
          } else {
            return new Rules.Known(ALLOW_ALL); // none there (4xx), or no robots.txt at the end of redirects
          }
        }
      }
    } catch (IOException e) {
      return new Rules.Unavailable(url + ": " + Reasons.describe(e, policy));
    } finally {
      host.requestEnded(clock, policy.hostDelay());
    }
  }
}
