package warta.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code capacity} sends within any {@code length}, each counted from when its answer
 * came back (a send in flight counts as happening now). Telegram counts a message when it
 * arrives, which is somewhere between our start and our answer; counting from the answer keeps
 * within its window however late one request arrives (a slow first connection, a GC pause).
 * Not thread-safe.
 */
final class PaceWindow {

  private final int capacity;
  private final Duration length;
  private final ArrayDeque<Instant> answered = new ArrayDeque<>();
  private int inFlight;

  PaceWindow(int capacity, Duration length) {
    this.capacity = capacity;
    this.length = length;
  }

  /** When the next send may start: {@code now}, a later time, or null while sends in flight hold every place. */
  Instant freeAt(Instant now) {
    forget(now);
    if (inFlight + answered.size() < capacity) {
      return now;
    }
    return answered.isEmpty() ? null : answered.peekFirst().plus(length);
  }

  void started() {
    inFlight++;
  }

  /** {@code at} never earlier than the previous call's: the outbox reads one monotonic clock under its lock. */
  void answered(Instant at) {
    inFlight--;
    answered.addLast(at);
  }

  /** Nothing in flight and nothing within the window: the window may be forgotten. */
  boolean isEmpty(Instant now) {
    forget(now);
    return inFlight == 0 && answered.isEmpty();
  }

  private void forget(Instant now) {
    while (!answered.isEmpty() && !answered.peekFirst().plus(length).isAfter(now)) {
      answered.removeFirst();
    }
  }
}
