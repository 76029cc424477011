package dev.temper.cache;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Downloader#fetchAll} call: a bounded pool of downloads that stops on first failure.
 */
final class ParallelFetch {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelFetch.class);
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final Downloader downloader;
  private final ContentCache cache;
  private final DownloadListener listener;

  ParallelFetch(Downloader downloader, ContentCache cache, DownloadListener listener) {
    this.downloader = downloader;
    this.cache = cache;
    this.listener = listener;
  }

  List<Path> run(List<DownloadRequest> requests, int parallelism)
      throws IOException, InvalidInputException, NetworkException {
    Map<String, Path> blobs = new HashMap<>();
    Map<String, DownloadRequest> missing = new LinkedHashMap<>();
    for (DownloadRequest request : requests) {
      String sha256 = request.sha256();
      if (!blobs.containsKey(sha256) && !missing.containsKey(sha256)) {
        cache
            .find(sha256)
            .ifPresentOrElse(blob -> blobs.put(sha256, blob), () -> missing.put(sha256, request));
      }
    }
    long totalBytes = missing.values().stream().mapToLong(r -> Math.max(0, r.size())).sum();
    listener.batchStarted(missing.size(), totalBytes);
    if (!missing.isEmpty()) {
      blobs.putAll(download(new ArrayList<>(missing.values()), parallelism));
    }
    List<Path> result = new ArrayList<>(requests.size());
    for (DownloadRequest request : requests) {
      result.add(blobs.get(request.sha256()));
    }
    return result;
  }

  private Map<String, Path> download(List<DownloadRequest> requests, int parallelism)
      throws IOException, InvalidInputException, NetworkException {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, requests.size()), daemonThreads());
    CompletionService<Map.Entry<String, Path>> completion = new ExecutorCompletionService<>(pool);
    try {
      for (DownloadRequest request : requests) {
        completion.submit(() -> Map.entry(request.sha256(), downloader.fetch(request)));
      }
      Map<String, Path> blobs = new HashMap<>();
      for (int i = 0; i < requests.size(); i++) {
        Map.Entry<String, Path> done = completion.take().get();
        blobs.put(done.getKey(), done.getValue());
      }
      return blobs;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for downloads");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      pool.shutdownNow();
      awaitStop(pool);
    }
  }

  /** Waits until the interrupted downloads have deleted their temporary files and stopped. */
  private static void awaitStop(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("Some downloads did not stop within 1 minute after being cancelled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RuntimeException rethrow(Throwable cause)
      throws IOException, InvalidInputException, NetworkException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof InvalidInputException invalid) {
      throw invalid;
    }
    if (cause instanceof NetworkException network) {
      throw network;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException("unexpected failure of a download", cause);
  }

  private static ThreadFactory daemonThreads() {
    return task -> {
      Thread thread = new Thread(task, "temper-download-" + THREAD_NUMBER.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
