package dev.temper.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between download attempts. Tests replace it to record the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks the current thread for the given duration. */
  Sleeper SYSTEM = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

  /**
   * Waits for {@code delay}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration delay) throws InterruptedException;
}
