package dev.temper.testing;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.debian.BinaryPackage;
import dev.temper.debian.repository.ArchiveReader;
import dev.temper.debian.repository.Keyring;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.debian.repository.RepositorySource;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The main amd64 Packages indexes of real Debian suites, read with temper's own archive reader
 * (InRelease signature checked against the Debian archive keys, index checked against InRelease)
 * from the mirror that {@code TEMPER_DEBIAN_MIRROR} or the host's apt sources name. Downloads are
 * kept in {@code target/test-cache} between runs, and each suite is parsed once per test JVM.
 */
public final class ArchiveIndexes {
  /** The content-addressed cache that keeps downloaded indexes between test runs. */
  public static final Path CACHE_DIR = Path.of("target", "test-cache").toAbsolutePath();

  private static final Map<String, LoadedSuite> LOADED = new ConcurrentHashMap<>();

  private ArchiveIndexes() {}

  /**
   * Returns the packages of {@code dists/SUITE/main/binary-amd64}.
   *
   * @throws IllegalStateException if no mirror is configured for the suite or the archive fails a
   *     check
   */
  public static List<BinaryPackage> mainAmd64(String suite) {
    return loadMainAmd64(suite).packages();
  }

  /** Returns the verified suite with its packages, reading it on first use. */
  public static LoadedSuite loadMainAmd64(String suite) {
    return LOADED.computeIfAbsent(suite, ArchiveIndexes::read);
  }

  /** Returns a downloader over the shared test cache. */
  public static Downloader downloader() {
    return Downloader.builder(new ContentCache(CACHE_DIR, Clock.systemUTC())).build();
  }

  private static LoadedSuite read(String suite) {
    try {
      RepositorySource source =
          new RepositorySource(
              "debian",
              MirrorResolver.fromHost().mirrorFor(suite),
              suite,
              List.of("main"),
              List.of("amd64"),
              Keyring.debianDefault());
      return new ArchiveReader(downloader(), Clock.systemUTC()).read(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemperException e) {
      throw new IllegalStateException(suite + ": " + e.getMessage(), e);
    }
  }
}
