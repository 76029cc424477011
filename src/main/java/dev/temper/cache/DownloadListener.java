package dev.temper.cache;

import java.time.Duration;

/**
 * Receives progress events from a {@link Downloader}. Events of parallel downloads arrive on
 * several threads at once, so implementations must be thread-safe. Every method does nothing by
 * default.
 */
public interface DownloadListener {
  /** A listener that ignores every event. */
  DownloadListener NONE = new DownloadListener() {};

  /**
   * Called once by {@link Downloader#fetchAll} before its downloads start.
   *
   * @param files the number of distinct files that are not in the cache yet
   * @param totalBytes their total size, counting unknown sizes as zero
   */
  default void batchStarted(int files, long totalBytes) {}

  /**
   * Called before the first attempt to download a file, with -1 as {@code totalBytes} if unknown.
   */
  default void started(String name, long totalBytes) {}

  /**
   * Called as bytes arrive. The count restarts at zero when a failed attempt is retried.
   *
   * @param bytesSoFar the bytes received by the current attempt
   */
  default void progressed(String name, long bytesSoFar) {}

  /** Called once a file was downloaded and verified. */
  default void finished(String name) {}

  /**
   * Called when an attempt failed and the download will be tried again after {@code delay}.
   *
   * @param failedAttempt the number of the attempt that failed, starting at 1
   * @param reason why the attempt failed, such as {@code HTTP 503}
   */
  default void retrying(String name, int failedAttempt, Duration delay, String reason) {}
}
