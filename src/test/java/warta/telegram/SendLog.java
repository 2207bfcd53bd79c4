package warta.telegram;

import java.time.Duration;
import java.util.Arrays;

/** The times at which the fake accepted sends, and the sends it refused with 429, for {@link FakeBotApi.SendRate}. */
final class SendLog {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private long[] acceptedNanos = new long[1024];
  private int accepted;
  private int refused;

  synchronized void accepted(long nowNanos) {
    if (accepted == acceptedNanos.length) acceptedNanos = Arrays.copyOf(acceptedNanos, accepted * 2);
    acceptedNanos[accepted++] = nowNanos;
  }

  synchronized void refused() {
    refused++;
  }

  synchronized FakeBotApi.SendRate rate() {
    long[] times = Arrays.copyOf(acceptedNanos, accepted);
    Arrays.sort(times); // handler threads may log slightly out of order
    Duration span = accepted < 2 ? Duration.ZERO : Duration.ofNanos(times[accepted - 1] - times[0]);
    double perSecond = span.isZero() ? 0 : accepted / (span.toNanos() / (double) SECOND);
    int busiestSecond = 0;
    for (int start = 0, end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= SECOND) start++;
      busiestSecond = Math.max(busiestSecond, end - start + 1);
    }
    return new FakeBotApi.SendRate(accepted, refused, span, perSecond, busiestSecond);
  }
}
