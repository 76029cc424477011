package dev.temper.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the HTTP {@code Retry-After} header, which gives either seconds or an HTTP date. */
public final class RetryAfter {
  private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

  private RetryAfter() {}

  /**
   * Returns the wait that {@code value} requests: either a number of seconds or an HTTP date,
   * measured from the clock's current time. Returns empty for a missing or malformed value, and
   * zero for a date in the past. Values above one day are clipped to one day before the retry
   * policy applies its own, lower cap.
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long seconds = text.length() > 9 ? MAX_SECONDS : Math.min(Long.parseLong(text), MAX_SECONDS);
      return Optional.of(Duration.ofSeconds(seconds));
    }
    try {
      Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), date);
      if (wait.isNegative()) {
        return Optional.of(Duration.ZERO);
      }
      return Optional.of(wait.toSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
