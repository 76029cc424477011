package dev.temper.registry.transfer;

import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.registry.BlobSource;
import dev.temper.registry.Repository;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a set of blobs with up to a fixed number at a time: skipped when the target has them,
 * mounted when the target can, copied otherwise. The first failure stops the others and is thrown
 * with its own type.
 */
final class BlobTransfers {
  /**
   * The number of blobs for each way they reached the target.
   *
   * @param copied the blobs copied, {@code fromCache} of them included
   * @param fromCache the copied blobs whose bytes came from the local content cache
   * @param bytesCopied the bytes of the copied blobs
   */
  record Counts(int copied, int fromCache, int existed, int mounted, long bytesCopied) {}

  private enum Outcome {
    COPIED,
    COPIED_FROM_CACHE,
    EXISTED,
    MOUNTED
  }

  private BlobTransfers() {}

  static Counts run(
      TransferSource source, TransferTarget target, List<Descriptor> blobs, int parallelism)
      throws IOException, TemperException {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(parallelism, blobs.size())), BlobTransfers::daemon);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Descriptor blob : blobs) {
        futures.add(executor.submit(() -> copyOne(source, target, blob)));
      }
      int copied = 0;
      int fromCache = 0;
      int existed = 0;
      int mounted = 0;
      long bytes = 0;
      for (int i = 0; i < futures.size(); i++) {
        Outcome outcome = await(futures.get(i));
        switch (outcome) {
          case COPIED, COPIED_FROM_CACHE -> {
            copied++;
            bytes += blobs.get(i).size();
            if (outcome == Outcome.COPIED_FROM_CACHE) {
              fromCache++;
            }
          }
          case EXISTED -> existed++;
          case MOUNTED -> mounted++;
        }
      }
      return new Counts(copied, fromCache, existed, mounted, bytes);
    } finally {
      executor.shutdownNow();
    }
  }

  private static Outcome copyOne(TransferSource source, TransferTarget target, Descriptor blob)
      throws IOException, TemperException {
    if (target.hasBlob(blob)) {
      return Outcome.EXISTED;
    }
    Optional<Repository> from = source.repository();
    if (from.isPresent() && target.mountBlob(blob, from.get())) {
      return Outcome.MOUNTED;
    }
    BlobSource content = source.blob(blob);
    target.putBlob(blob, content);
    return content.fromCache() ? Outcome.COPIED_FROM_CACHE : Outcome.COPIED;
  }

  private static Outcome await(Future<Outcome> future) throws IOException, TemperException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while copying blobs");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof TemperException temper) {
        throw temper;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("blob copy failed", cause);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "temper-blob-copy");
    thread.setDaemon(true);
    return thread;
  }
}
