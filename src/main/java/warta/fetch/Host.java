package warta.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One site as robots.txt sees it (scheme, name and port): whose turn it is to send it a request,
 * and its robots.txt rules while they are fresh. Everything but {@link #enter} and {@link #leave}
 * is called by the thread holding the turn.
 */
final class Host {

  /** A site asking more than this between requests gets this: its feeds should still come daily. */
  static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(1);

  private final String origin;
  private final ReentrantLock turn = new ReentrantLock(true); // fair: callers go in the order they came
  private Instant nextStart = Instant.MIN;
  private BaseRobotRules rules;
  private Instant rulesExpire = Instant.MIN;

  Host(String origin) {
    this.origin = origin;
  }

  /** {@code https://example.org:443}: what robots.txt rules and turns are kept by. */
  String origin() {
    return origin;
  }

  /** Waits until no other thread is sending to this host; a {@link #leave} must follow. */
  void enter() throws InterruptedException {
    turn.lockInterruptibly();
  }

  void leave() {
    turn.unlock();
  }

  /** Waits until the host delay has passed since the last request to this host ended. */
  void awaitGap(Clock clock, Sleeper sleeper) throws InterruptedException {
    Duration wait = Duration.between(clock.instant(), nextStart);
    if (wait.compareTo(Duration.ZERO) > 0) {
      sleeper.sleep(wait);
    }
  }

  /**
   * A request to this host has just ended: the next may start {@code hostDelay} later, or after
   * the {@code Crawl-delay} the site's robots.txt asks of us when that is longer (at most a minute).
   */
  void requestEnded(Clock clock, Duration hostDelay) {
    Duration delay = hostDelay;
    if (rules != null && rules.getCrawlDelay() > 0) {
      Duration asked = Duration.ofMillis(Math.min(rules.getCrawlDelay(), MAX_CRAWL_DELAY.toMillis()));
      delay = asked.compareTo(delay) > 0 ? asked : delay;
    }
    nextStart = clock.instant().plus(delay);
  }

  Optional<BaseRobotRules> rules(Instant now) {
    return now.isBefore(rulesExpire) ? Optional.of(rules) : Optional.empty();
  }

  void keepRules(BaseRobotRules rules, Instant expire) {
    this.rules = rules;
    this.rulesExpire = expire;
  }
}
