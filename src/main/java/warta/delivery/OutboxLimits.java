package warta.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How fast and how long the outbox may send: Telegram's flood limits (Bots FAQ) and its patience
 * with an unavailable Bot API.
 *
 * @param globalPerSecond messages per second in total: Telegram allows about 30, or up to 1000 when
 *     the operator enabled paid broadcasts
 * @param perChatPerSecond messages per second to any one chat (Telegram: about 1)
 * @param perGroupPerMinute messages per minute to one group (Telegram: 20)
 * @param maxAttempts tries of one message while the Bot API is unavailable before it counts as
 *     failed (a 429 is not a try: it only waits)
 * @param maxBackoff the longest wait between those tries; the first wait is 1 s and each next one doubles
 */
public record OutboxLimits(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute, int maxAttempts,
                           Duration maxBackoff) {

  /** Telegram's ceiling for paid broadcasts ({@code allow_paid_broadcast}). */
  public static final int PAID_BROADCAST_PER_SECOND = 1000;

  public OutboxLimits {
    requireNonNull(maxBackoff, "maxBackoff");
    if (globalPerSecond < 1 || globalPerSecond > PAID_BROADCAST_PER_SECOND) {
      throw new IllegalArgumentException("outbox: globalPerSecond=" + globalPerSecond
          + " is not a rate Telegram allows (1-" + PAID_BROADCAST_PER_SECOND + " messages/s)");
    }
    if (perChatPerSecond < 1) {
      throw new IllegalArgumentException("outbox: perChatPerSecond=" + perChatPerSecond + " must be at least 1");
    }
    if (perGroupPerMinute < 1) {
      throw new IllegalArgumentException("outbox: perGroupPerMinute=" + perGroupPerMinute + " must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("outbox: maxAttempts=" + maxAttempts + " must be at least 1");
    }
    if (maxBackoff.isNegative() || maxBackoff.isZero()) {
      throw new IllegalArgumentException("outbox: maxBackoff=" + maxBackoff + " must be positive");
    }
  }

  /** Telegram's free limits: 30/s, 1/s per chat, 20/min per group; 5 tries, waits up to 16 s apart. */
  public static OutboxLimits telegramDefaults() {
    return new OutboxLimits(30, 1, 20, 5, Duration.ofSeconds(16));
  }

  /** The same limits with another total rate, e.g. {@link #PAID_BROADCAST_PER_SECOND} for paid broadcasts. */
  public OutboxLimits withGlobalPerSecond(int perSecond) {
    return new OutboxLimits(perSecond, perChatPerSecond, perGroupPerMinute, maxAttempts, maxBackoff);
  }
}
