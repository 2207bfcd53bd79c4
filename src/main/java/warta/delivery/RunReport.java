package warta.delivery;

import java.time.Duration;
import java.util.Locale;

/**
 * What one delivery run did.
 *
 * @param due readers whose digest was due in this run
 * @param resumed unfinished deliveries from earlier runs picked up again
 * @param sent digests completely sent
 * @param failed digests not sent after the retries allowed (the next run tries again)
 * @param blocked digests not sent because the chat blocked the bot
 * @param skipped digests skipped for being later than the grace allows
 * @param tooManyRequests 429 answers from Telegram during the run (each waited out, nothing dropped)
 */
public record RunReport(int due, int resumed, int sent, int failed, int blocked, int skipped, int tooManyRequests,
                        Duration took) {

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "deliver: %d due, %d resumed, %d sent, %d failed, %d blocked, %d skipped, "
        + "%d 429s, in %d ms", due, resumed, sent, failed, blocked, skipped, tooManyRequests, took.toMillis());
  }
}
