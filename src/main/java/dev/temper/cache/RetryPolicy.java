package dev.temper.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how long a {@link Downloader} waits before trying a failed download again.
 *
 * @param maxAttempts the number of attempts including the first, at least 1
 * @param initialDelay the backoff before the second attempt, which doubles for each later one
 * @param maxDelay the maximum backoff
 * @param maxRetryAfter the maximum wait a server may request with {@code Retry-After}
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
  /** Four attempts, backoff from 1 s up to 30 s, and at most 60 s of {@code Retry-After}. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or a duration is negative
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /** Returns a copy that makes at most {@code attempts} attempts. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, maxRetryAfter);
  }

  /**
   * Returns the wait after attempt {@code failedAttempt} failed. A server's {@code Retry-After} is
   * used as given, capped at {@link #maxRetryAfter}. Otherwise the wait is exponential backoff with
   * jitter: a random value between half and all of {@code initialDelay * 2^(failedAttempt-1)},
   * capped at {@link #maxDelay}, so parallel clients spread out their retries.
   */
  public Duration delayAfter(
      int failedAttempt, Optional<Duration> retryAfter, RandomGenerator random) {
    if (retryAfter.isPresent()) {
      Duration requested = retryAfter.get();
      return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
    }
    long maxMillis = maxDelay.toMillis();
    long backoff = initialDelay.toMillis();
    for (int i = 1; i < failedAttempt && backoff < maxMillis; i++) {
      backoff = backoff > maxMillis / 2 ? maxMillis : backoff * 2;
    }
    backoff = Math.min(backoff, maxMillis);
    long half = backoff / 2;
    return Duration.ofMillis(half + random.nextLong(backoff - half + 1));
  }
}
