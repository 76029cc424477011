package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void backoffStaysWithinJitterRange() {
    RetryPolicy policy =
        new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    Random random = new Random(5);
    long[] upperMillis = {1000, 2000, 4000, 8000, 16000, 30000, 30000};

    for (int attempt = 1; attempt <= upperMillis.length; attempt++) {
      for (int sample = 0; sample < 50; sample++) {
        long delay = policy.delayAfter(attempt, Optional.empty(), random).toMillis();
        assertThat(delay)
            .as("attempt %d", attempt)
            .isBetween(upperMillis[attempt - 1] / 2, upperMillis[attempt - 1]);
      }
    }
  }

  @Test
  void hugeAttemptNumberStaysCapped() {
    Duration delay = RetryPolicy.DEFAULT.delayAfter(1000, Optional.empty(), new Random(1));

    assertThat(delay).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
  }

  @Test
  void retryAfterUsedBelowCap() {
    Duration delay =
        RetryPolicy.DEFAULT.delayAfter(1, Optional.of(Duration.ofSeconds(5)), new Random(1));

    assertThat(delay).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void zeroAttemptsRejected() {
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, got 0");
  }

  @Test
  void retryAfterParsesSeconds() {
    assertThat(RetryAfter.parse(" 120 ", CLOCK)).contains(Duration.ofSeconds(120));
  }

  @Test
  void retryAfterClipsHugeSeconds() {
    assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).contains(Duration.ofDays(1));
  }

  @Test
  void retryAfterParsesHttpDate() {
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 12:01:00 GMT", CLOCK))
        .contains(Duration.ofMinutes(1));
  }

  @Test
  void retryAfterPastDateIsZero() {
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 11:00:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  void retryAfterMalformedIgnored() {
    assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
    assertThat(RetryAfter.parse("-5", CLOCK)).isEmpty();
    assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
  }
}
