package warta.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs the outbox's next pacing decision at a time on the outbox's clock; tests move a clock instead. */
interface PaceTimer extends AutoCloseable {

  /** Runs {@code task} once, at or soon after {@code at}; not to be called after {@link #close}. */
  void schedule(Instant at, Runnable task);

  @Override
  void close();

  /** One daemon thread that sleeps until each time as {@code clock} tells it. */
  static PaceTimer onThread(Clock clock, String name) {
    var executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
    return new PaceTimer() {
      @Override
      public void schedule(Instant at, Runnable task) {
        long delayNanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
