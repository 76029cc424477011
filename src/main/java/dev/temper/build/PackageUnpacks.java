package dev.temper.build;

import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads the fetched packages in parallel, one .deb per task, keeping the lock's order. */
final class PackageUnpacks {
  private PackageUnpacks() {}

  static List<UnpackedPackage> readAll(
      List<Lock.Package> pins, List<Path> debs, UnpackedDebCache cache)
      throws IOException, TemperException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<UnpackedPackage>> futures = new ArrayList<>();
      for (int i = 0; i < pins.size(); i++) {
        Lock.Package pin = pins.get(i);
        Path deb = debs.get(i);
        String name = pin.name() + "_" + pin.version() + "_" + pin.architecture() + ".deb";
        futures.add(
            pool.submit(
                () -> PackageUnpack.read(pin, cache.uncompressed(deb, pin.sha256(), name))));
      }
      List<UnpackedPackage> packages = new ArrayList<>();
      for (Future<UnpackedPackage> future : futures) {
        packages.add(await(future));
      }
      return packages;
    } finally {
      pool.shutdownNow();
    }
  }

  private static UnpackedPackage await(Future<UnpackedPackage> future)
      throws IOException, TemperException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading packages", e);
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
      throw new IOException("reading a package failed: " + cause, cause);
    }
  }
}
