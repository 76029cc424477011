package dev.temper.cache;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Configures a {@link Downloader}. Every setting has a default. */
public final class DownloaderBuilder {
  final ContentCache cache;
  RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration requestTimeout = Duration.ofSeconds(30);
  DownloadListener listener = DownloadListener.NONE;
  Sleeper sleeper = Sleeper.SYSTEM;
  RandomGenerator random = new Random();
  Clock clock = Clock.systemUTC();

  DownloaderBuilder(ContentCache cache) {
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /** Sets the attempts and delays. The default is {@link RetryPolicy#DEFAULT}. */
  public DownloaderBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Sets the maximum wait for a TCP and TLS connection. The default is 10 s. */
  public DownloaderBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = requirePositive(timeout, "connectTimeout");
    return this;
  }

  /**
   * Sets the maximum wait for the response headers and, separately, for each piece of the body. A
   * stalled transfer therefore fails while a slow but moving one goes on. The default is 30 s.
   */
  public DownloaderBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = requirePositive(timeout, "requestTimeout");
    return this;
  }

  /** Sets the receiver of progress events. The default ignores them. */
  public DownloaderBuilder listener(DownloadListener downloadListener) {
    this.listener = Objects.requireNonNull(downloadListener, "listener");
    return this;
  }

  /** Sets how the downloader waits between attempts. Tests pass one that records the delays. */
  public DownloaderBuilder sleeper(Sleeper retrySleeper) {
    this.sleeper = Objects.requireNonNull(retrySleeper, "sleeper");
    return this;
  }

  /**
   * Sets the source of backoff jitter, which parallel downloads share, so it must be thread-safe.
   */
  public DownloaderBuilder random(RandomGenerator jitter) {
    this.random = Objects.requireNonNull(jitter, "random");
    return this;
  }

  /** Sets the clock that turns a {@code Retry-After} date into a wait. */
  public DownloaderBuilder clock(Clock retryClock) {
    this.clock = Objects.requireNonNull(retryClock, "clock");
    return this;
  }

  /** Creates the downloader with its own HTTP client. */
  public Downloader build() {
    // Without a fixed version the client adds h2c upgrade headers to every plain-http request.
    // HTTP/1.1 is also the protocol that apt's own http method speaks to mirrors.
    HttpReadBuffers.enlarge();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return new Downloader(this, new Transport(client, requestTimeout, clock));
  }

  private static Duration requirePositive(Duration value, String name) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
