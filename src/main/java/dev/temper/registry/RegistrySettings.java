package dev.temper.registry;

import dev.temper.cache.RetryPolicy;
import dev.temper.cache.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The connection settings of {@link RegistryClient}s.
 *
 * @param caFile a PEM file of extra CA certificates trusted next to the system trust store, or null
 * @param insecure whether plain HTTP is allowed for registries that are not on loopback. TLS
 *     certificates are verified either way.
 * @param retryPolicy the bounded retries on HTTP 429, 5xx and failed connections
 * @param sleeper waits between retries
 * @param clock turns {@code Retry-After} dates and token lifetimes into instants
 * @param random the jitter of the backoff
 * @param chunkSize blobs larger than this many bytes are uploaded in chunks of this size. By
 *     default every blob goes in one request, as skopeo 1.9 also sends it
 * @param connectTimeout the maximum wait for a connection
 * @param idleTimeout the maximum wait for response headers and for each piece of a body
 */
public record RegistrySettings(
    Path caFile,
    boolean insecure,
    RetryPolicy retryPolicy,
    Sleeper sleeper,
    Clock clock,
    RandomGenerator random,
    long chunkSize,
    Duration connectTimeout,
    Duration idleTimeout) {
  /** The default chunk size, which no blob exceeds. */
  public static final long DEFAULT_CHUNK_SIZE = Long.MAX_VALUE;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when the chunk size is below 1 or a timeout is not positive
   */
  public RegistrySettings {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || idleTimeout.isNegative()
        || idleTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** Returns the defaults: system trust, HTTPS except for loopback, default retries. */
  public static RegistrySettings defaults() {
    return new RegistrySettings(
        null,
        false,
        RetryPolicy.DEFAULT,
        Sleeper.SYSTEM,
        Clock.systemUTC(),
        new Random(),
        DEFAULT_CHUNK_SIZE,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60));
  }

  /** Returns the CA file, if one is set. */
  public Optional<Path> caFileIfSet() {
    return Optional.ofNullable(caFile);
  }

  /** Returns a copy that also trusts the CA certificates in {@code file}. */
  public RegistrySettings withCaFile(Path file) {
    return new RegistrySettings(
        file,
        insecure,
        retryPolicy,
        sleeper,
        clock,
        random,
        chunkSize,
        connectTimeout,
        idleTimeout);
  }

  /** Returns a copy that allows plain HTTP to any registry, or only to loopback. */
  public RegistrySettings withInsecure(boolean allowPlainHttp) {
    return new RegistrySettings(
        caFile,
        allowPlainHttp,
        retryPolicy,
        sleeper,
        clock,
        random,
        chunkSize,
        connectTimeout,
        idleTimeout);
  }

  /** Returns a copy with other retries and another sleeper between them. */
  public RegistrySettings withRetries(RetryPolicy policy, Sleeper retrySleeper) {
    return new RegistrySettings(
        caFile,
        insecure,
        policy,
        retrySleeper,
        clock,
        random,
        chunkSize,
        connectTimeout,
        idleTimeout);
  }

  /** Returns a copy with another upload chunk size in bytes. */
  public RegistrySettings withChunkSize(long bytes) {
    return new RegistrySettings(
        caFile, insecure, retryPolicy, sleeper, clock, random, bytes, connectTimeout, idleTimeout);
  }

  /** Returns a copy with another idle timeout. */
  public RegistrySettings withIdleTimeout(Duration timeout) {
    return new RegistrySettings(
        caFile, insecure, retryPolicy, sleeper, clock, random, chunkSize, connectTimeout, timeout);
  }
}
