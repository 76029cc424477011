package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.NetworkException;
import dev.temper.testing.LoopbackServer;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DownloaderRetryTest {
  private static final byte[] DEB = new byte[200_000];
  private static final String DEB_SHA256;
  private static final String PATH = "/pool/a.deb";

  static {
    new Random(3).nextBytes(DEB);
    DEB_SHA256 = Sha256.of(DEB);
  }

  @TempDir Path root;
  private LoopbackServer server;
  private ContentCache cache;
  private final List<Duration> delays = new ArrayList<>();
  private final List<String> retryReasons = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start().put(PATH, DEB);
    cache = new ContentCache(root, Clock.systemUTC());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private DownloaderBuilder builder() {
    DownloadListener listener =
        new DownloadListener() {
          @Override
          public void retrying(String name, int failedAttempt, Duration delay, String reason) {
            retryReasons.add(failedAttempt + ": " + reason);
          }
        };
    return Downloader.builder(cache).sleeper(delays::add).random(new Random(1)).listener(listener);
  }

  private DownloadRequest request() {
    return new DownloadRequest(server.uri(PATH), DEB.length, DEB_SHA256, "a.deb");
  }

  private void assertCachedIntact() throws Exception {
    assertThat(Files.readAllBytes(cache.find(DEB_SHA256).orElseThrow())).isEqualTo(DEB);
  }

  @Test
  void serviceUnavailableTwiceThenSucceeds() throws Exception {
    server.failNext(PATH, 2, 503);

    builder().build().fetch(request());

    assertCachedIntact();
    assertThat(server.requestCount(PATH)).isEqualTo(3);
    assertThat(retryReasons).containsExactly("1: HTTP 503", "2: HTTP 503");
  }

  @Test
  void backoffGrowsWithinJitterBounds() throws Exception {
    server.failNext(PATH, 3, 500);

    builder().build().fetch(request());

    assertThat(delays).hasSize(3);
    assertThat(delays.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(delays.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(delays.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void truncatedBodyRetriedThenSucceeds() throws Exception {
    server.truncateNext(PATH, 1, 70_000);

    builder().build().fetch(request());

    assertCachedIntact();
    assertThat(server.requestCount(PATH)).isEqualTo(2);
    assertThat(retryReasons).hasSize(1);
    try (java.util.stream.Stream<Path> entries = Files.list(root.resolve("blobs/sha256"))) {
      assertThat(entries.toList()).containsExactly(cache.find(DEB_SHA256).orElseThrow());
    }
  }

  @Test
  void shortCompleteBodyRetried() {
    byte[] shorter = java.util.Arrays.copyOf(DEB, 1000);
    server.put(PATH, shorter);

    assertThatThrownBy(() -> builder().build().fetch(request()))
        .isInstanceOf(NetworkException.class)
        .hasMessage(
            "download of a.deb from "
                + server.uri(PATH)
                + " failed after 4 attempts, last error: body ended after 1000 of 200000 bytes");
    assertThat(server.requestCount(PATH)).isEqualTo(4);
  }

  @Test
  void retryAfterSecondsHonoured() throws Exception {
    server.failNext(PATH, 1, 429).retryAfter(PATH, "7");

    builder().build().fetch(request());

    assertThat(delays).containsExactly(Duration.ofSeconds(7));
    assertCachedIntact();
  }

  @Test
  void retryAfterCapped() throws Exception {
    server.failNext(PATH, 1, 503).retryAfter(PATH, "3600");

    builder().build().fetch(request());

    assertThat(delays).containsExactly(RetryPolicy.DEFAULT.maxRetryAfter());
  }

  @Test
  void retryAfterDateHonoured() throws Exception {
    Instant now = Instant.parse("2025-03-01T12:00:00Z");
    server.failNext(PATH, 1, 503).retryAfter(PATH, "Sat, 01 Mar 2025 12:00:12 GMT");

    builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build().fetch(request());

    assertThat(delays).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    server.failNext(PATH, 10, 500);

    assertThatThrownBy(() -> builder().build().fetch(request()))
        .isInstanceOf(NetworkException.class)
        .hasMessage(
            "download of a.deb from "
                + server.uri(PATH)
                + " failed after 4 attempts, last error: HTTP 500");
    assertThat(server.requestCount(PATH)).isEqualTo(4);
    assertThat(delays).hasSize(3);
    assertThat(cache.find(DEB_SHA256)).isEmpty();
  }

  @Test
  void maxAttemptsConfigurable() {
    server.failNext(PATH, 10, 502);
    RetryPolicy once = RetryPolicy.DEFAULT.withMaxAttempts(1);

    assertThatThrownBy(() -> builder().retryPolicy(once).build().fetch(request()))
        .isInstanceOf(NetworkException.class)
        .hasMessage(
            "download of a.deb from "
                + server.uri(PATH)
                + " failed after 1 attempt, last error: HTTP 502");
    assertThat(server.requestCount(PATH)).isEqualTo(1);
  }

  @Test
  void connectionRefusedRetried() throws Exception {
    URI closedPort;
    try (LoopbackServer closed = LoopbackServer.start()) {
      closedPort = closed.uri(PATH);
    }
    DownloadRequest request = new DownloadRequest(closedPort, DEB.length, DEB_SHA256, "a.deb");

    assertThatThrownBy(() -> builder().build().fetch(request))
        .isInstanceOf(NetworkException.class)
        .hasMessageStartingWith(
            "download of a.deb from " + closedPort + " failed after 4 attempts, last error: ")
        .hasMessageContaining("connection failed");
    assertThat(delays).hasSize(3);
  }

  @Test
  void slowHeadersTimeOut() {
    server.delay(PATH, Duration.ofMinutes(1));
    RetryPolicy twice = RetryPolicy.DEFAULT.withMaxAttempts(2);
    Downloader downloader =
        builder().retryPolicy(twice).requestTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> downloader.fetch(request()))
        .isInstanceOf(NetworkException.class)
        .hasMessageStartingWith(
            "download of a.deb from " + server.uri(PATH) + " failed after 2 attempts")
        .hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(server.requestCount(PATH)).isEqualTo(2);
  }

  @Test
  void stalledBodyTimesOut() {
    server.stallAfter(PATH, 50_000);
    RetryPolicy twice = RetryPolicy.DEFAULT.withMaxAttempts(2);
    Downloader downloader =
        builder().retryPolicy(twice).requestTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> downloader.fetch(request()))
        .isInstanceOf(NetworkException.class)
        .hasMessage(
            "download of a.deb from "
                + server.uri(PATH)
                + " failed after 2 attempts, last error: HttpTimeoutException: no data received"
                + " for 300 ms while reading the response body");
    assertThat(server.requestCount(PATH)).isEqualTo(2);
    assertThat(cache.find(DEB_SHA256)).isEmpty();
  }

  @Test
  void fetchBytesRetriesTruncatedBody() throws Exception {
    server.truncateNext(PATH, 2, 10);

    byte[] bytes = builder().build().fetchBytes(server.uri(PATH), DEB.length, "InRelease");

    assertThat(bytes).isEqualTo(DEB);
    assertThat(server.requestCount(PATH)).isEqualTo(3);
  }
}
