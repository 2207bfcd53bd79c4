package warta.fetch;

import java.time.Duration;

/** Waits; tests give one that records the waits instead. */
interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
