package dev.temper.cache;

import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.error.NotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads files into a {@link ContentCache} over HTTP(S) or from {@code file:} URIs, with bounded
 * retries. A download lands in the cache only after its size and SHA-256 were verified.
 *
 * <p>Retried, with exponential backoff and jitter: connection failures, timeouts, reset or
 * truncated bodies, HTTP 429 and HTTP 5xx, honouring {@code Retry-After} up to a cap. Not retried:
 * other HTTP 4xx, a missing local file, a body longer than expected, and a SHA-256 mismatch of a
 * complete body, which indicates changed or tampered content rather than a network glitch.
 */
public final class Downloader {
  /**
   * Maximum size that fetchBytes reads into one array, a little below the JVM's array size limit.
   */
  public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

  private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

  private final ContentCache cache;
  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final DownloadListener listener;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  Downloader(DownloaderBuilder builder, Transport transport) {
    this.cache = builder.cache;
    this.transport = transport;
    this.retryPolicy = builder.retryPolicy;
    this.listener = builder.listener;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
  }

  /** Starts configuring a downloader that stores into {@code cache}. */
  public static DownloaderBuilder builder(ContentCache cache) {
    return new DownloaderBuilder(cache);
  }

  /** Returns the cache that this downloader stores into. */
  public ContentCache cache() {
    return cache;
  }

  /**
   * Returns the cached blob of {@code request}, downloading and verifying it first if the cache
   * does not have it.
   *
   * @throws NotFoundException if the server or file system reports the file missing
   * @throws IntegrityException if a complete body has the wrong size or SHA-256
   * @throws NetworkException if the download still fails after the last attempt, or the server
   *     responds with an HTTP status that is not worth retrying
   * @throws InvalidInputException if the URI scheme is not supported
   * @throws IOException if writing the cache fails or the thread is interrupted
   */
  public Path fetch(DownloadRequest request)
      throws IOException, InvalidInputException, NetworkException {
    Optional<Path> cached = cache.find(request.sha256());
    if (cached.isPresent()) {
      return cached.get();
    }
    String name = request.displayName();
    listener.started(name, request.size());
    Path blob = withRetries(request.uri(), name, () -> downloadOnce(request));
    listener.finished(name);
    return blob;
  }

  /**
   * Fetches every request with up to {@code parallelism} downloads at a time and returns the blobs
   * in the order of {@code requests}. Requests for the same SHA-256 are downloaded once. On the
   * first failure the other downloads are interrupted, and after they have stopped that failure is
   * thrown.
   *
   * @throws IllegalArgumentException if {@code parallelism} is below 1
   * @see #fetch(DownloadRequest) for the failures
   */
  public List<Path> fetchAll(List<DownloadRequest> requests, int parallelism)
      throws IOException, InvalidInputException, NetworkException {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    return new ParallelFetch(this, cache, listener).run(requests, parallelism);
  }

  /**
   * Downloads a small file that no digest vouches for yet, such as {@code InRelease}, with the same
   * retries as {@link #fetch}. The caller must verify the bytes before trusting them.
   *
   * @param maxBytes the maximum size in bytes. A larger body fails without a retry.
   * @throws NotFoundException if the server or file system reports the file missing, so the caller
   *     can fall back to another file name
   * @throws InvalidInputException if the body is larger than {@code maxBytes}
   * @throws NetworkException if the download still fails after the last attempt
   * @throws IOException if the thread is interrupted or a local file cannot be read
   */
  public byte[] fetchBytes(URI uri, long maxBytes, String displayName)
      throws IOException, InvalidInputException, NetworkException {
    if (maxBytes < 0 || maxBytes > MAX_ARRAY_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be between 0 and " + MAX_ARRAY_BYTES + ", got " + maxBytes);
    }
    listener.started(displayName, -1);
    byte[] bytes = withRetries(uri, displayName, () -> readOnce(uri, maxBytes, displayName));
    listener.finished(displayName);
    return bytes;
  }

  private Path downloadOnce(DownloadRequest request)
      throws TransientFailure, IOException, InvalidInputException, NetworkException {
    String source = request.displayName() + " from " + request.uri();
    try (Transport.Body body = transport.open(request.uri())) {
      if (request.size() >= 0 && body.contentLength() > request.size()) {
        throw IntegrityException.sizeMismatch(source, request.size(), body.contentLength());
      }
      TrackedStream tracked = track(body, request.displayName());
      try {
        return cache.put(tracked, request.size(), request.sha256(), source);
      } catch (TruncatedContentException e) {
        if (!body.remote()) {
          throw e;
        }
        throw new TransientFailure(
            "body ended after " + tracked.count() + " of " + request.size() + " bytes", e, null);
      } catch (IOException e) {
        throw retryableOrRethrow(e, tracked, body);
      }
    }
  }

  private byte[] readOnce(URI uri, long maxBytes, String displayName)
      throws TransientFailure, IOException, InvalidInputException, NetworkException {
    try (Transport.Body body = transport.open(uri)) {
      if (body.contentLength() > maxBytes) {
        throw tooLarge(uri, maxBytes);
      }
      TrackedStream tracked = track(body, displayName);
      byte[] bytes;
      try {
        bytes = tracked.readNBytes((int) maxBytes + 1);
      } catch (IOException e) {
        throw retryableOrRethrow(e, tracked, body);
      }
      if (bytes.length > maxBytes) {
        throw tooLarge(uri, maxBytes);
      }
      if (body.remote() && bytes.length < body.contentLength()) {
        throw new TransientFailure(
            "body ended after " + bytes.length + " of " + body.contentLength() + " bytes",
            null,
            null);
      }
      return bytes;
    }
  }

  private TrackedStream track(Transport.Body body, String name) {
    return new TrackedStream(body.stream(), count -> listener.progressed(name, count));
  }

  /** Turns a failed read from the network into a retry and rethrows every other failure. */
  private static TransientFailure retryableOrRethrow(
      IOException failure, TrackedStream tracked, Transport.Body body) throws IOException {
    if (tracked.readFailed() && body.remote() && !Thread.currentThread().isInterrupted()) {
      return new TransientFailure(Transport.describe(failure), failure, null);
    }
    throw failure;
  }

  private static InvalidInputException tooLarge(URI uri, long maxBytes) {
    return new InvalidInputException(uri + ": larger than the limit of " + maxBytes + " bytes");
  }

  /** One attempt of a download. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws TransientFailure, IOException, InvalidInputException, NetworkException;
  }

  private <T> T withRetries(URI uri, String name, Attempt<T> attempt)
      throws IOException, InvalidInputException, NetworkException {
    for (int number = 1; ; number++) {
      try {
        return attempt.run();
      } catch (TransientFailure failure) {
        if (number >= retryPolicy.maxAttempts()) {
          throw new NetworkException(
              "download of "
                  + name
                  + " from "
                  + uri
                  + " failed after "
                  + number
                  + (number == 1 ? " attempt" : " attempts")
                  + ", last error: "
                  + failure.getMessage(),
              failure.getCause());
        }
        Duration delay = retryPolicy.delayAfter(number, failure.retryAfter(), random);
        LOG.warn(
            "Download of {} from {} failed ({}), retrying in {} ms (attempt {} of {})",
            name,
            uri,
            failure.getMessage(),
            delay.toMillis(),
            number + 1,
            retryPolicy.maxAttempts());
        listener.retrying(name, number, delay, failure.getMessage());
        pause(delay);
      }
    }
  }

  private void pause(Duration delay) throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry a download");
    }
  }
}
