package warta.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a chat that sends commands in a flood from getting a reply to each: past the limit in
 * the window, one cooldown notice, then silence until the window has room again. Thread-safe.
 */
final class FloodGuard {

  /** What to do with one more message from a chat. */
  enum Verdict { ANSWER, WARN, IGNORE }

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<Long, Deque<Long>> recent = new HashMap<>();
  private final Map<Long, Long> warnedUntil = new HashMap<>();

  FloodGuard(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  synchronized Verdict check(long chatId) {
    long now = clock.millis();
    Deque<Long> times = recent.computeIfAbsent(chatId, c -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
      times.removeFirst();
    }
    if (times.size() < limit) {
      times.addLast(now);
      warnedUntil.remove(chatId);
      return Verdict.ANSWER;
    }
    Long until = warnedUntil.get(chatId);
    if (until != null && until > now) {
      return Verdict.IGNORE;
    }
    warnedUntil.put(chatId, times.peekFirst() + window.toMillis());
    return Verdict.WARN;
  }

  /** Seconds until the chat may be answered again. */
  synchronized long secondsToWait(long chatId) {
    Deque<Long> times = recent.get(chatId);
    if (times == null || times.isEmpty()) {
      return 0;
    }
    return Math.max(1, (times.peekFirst() + window.toMillis() - clock.millis() + 999) / 1000);
  }
}
