package dev.temper.cache;

import java.time.Duration;
import java.util.Optional;

/** A failed attempt that may succeed when tried again, such as a reset connection or HTTP 503. */
final class TransientFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /**
   * Creates a failure.
   *
   * @param reason a short description, such as {@code HTTP 503} or {@code connection reset}
   * @param retryAfter the wait the server requested, or null
   */
  TransientFailure(String reason, Throwable cause, Duration retryAfter) {
    super(reason, cause);
    this.retryAfter = retryAfter;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
