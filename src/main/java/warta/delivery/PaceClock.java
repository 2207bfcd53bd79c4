package warta.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for pacing that never jumps: the wall time when it was made, moved on by
 * {@link System#nanoTime}. An NTP step of the wall clock would otherwise stall the outbox or let
 * a burst through.
 */
final class PaceClock extends Clock {

  private final Instant start = Instant.now();
  private final long startNanos = System.nanoTime();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the pacing clock is UTC only, not " + zone);
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos);
  }
}
