package dev.temper.registry;

import java.time.Duration;
import java.util.Optional;

/** A failed attempt worth trying again, such as a reset connection or HTTP 503. */
final class Transient extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /**
   * Creates the failure.
   *
   * @param reason a short description such as {@code HTTP 503}
   * @param retryAfter the wait the server requested, or null
   */
  Transient(String reason, Throwable cause, Duration retryAfter) {
    super(reason, cause);
    this.retryAfter = retryAfter;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns the HTTP status in the reason, or -1 for a failed connection. */
  int status() {
    String message = getMessage();
    return message.startsWith("HTTP ") ? Integer.parseInt(message.substring(5)) : -1;
  }
}
