package dev.temper.testing;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.PackageOrigin;
import dev.temper.debian.PackagesParser;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The main amd64 Packages indexes of real suites, downloaded from the host's mirror into {@code
 * target/test-cache} once and parsed once per test JVM.
 */
public final class ArchiveIndexes {
  /** Where downloaded indexes are kept between test runs. */
  public static final Path CACHE_DIR = Path.of("target", "test-cache").toAbsolutePath();

  private static final Map<String, List<BinaryPackage>> PARSED = new ConcurrentHashMap<>();

  private ArchiveIndexes() {}

  /**
   * Returns the packages of {@code dists/SUITE/main/binary-amd64/Packages.xz}.
   *
   * @throws IllegalStateException if the host's apt sources name no mirror for the suite
   */
  public static List<BinaryPackage> mainAmd64(String suite) {
    return PARSED.computeIfAbsent(suite, ArchiveIndexes::download);
  }

  /** Returns the cached {@code Packages.xz} of the suite, downloading it first if needed. */
  public static Path mainAmd64Xz(String suite) throws IOException, InterruptedException {
    return HostMirror.fromHost().fetchPackagesXz(suite, "main", "amd64", CACHE_DIR);
  }

  private static List<BinaryPackage> download(String suite) {
    try {
      HostMirror mirror = HostMirror.fromHost();
      Path xz = mirror.fetchPackagesXz(suite, "main", "amd64", CACHE_DIR);
      // No InRelease was verified, so the origin carries no digest.
      PackageOrigin origin = new PackageOrigin(mirror.uriFor(suite), suite, "main", "amd64", null);
      return List.copyOf(PackagesParser.parseXz(xz, origin, xz.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidInputException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while downloading " + suite, e);
    }
  }
}
