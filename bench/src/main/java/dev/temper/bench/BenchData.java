package dev.temper.bench;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadRequest;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.InReleaseVerifier;
import dev.temper.debian.repository.Keyring;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.debian.repository.ReleaseFile;
import dev.temper.debian.repository.VerifiedRelease;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Fetches the benchmark input, a real Packages.xz, through temper's own chain of trust from the
 * mirror that {@code TEMPER_DEBIAN_MIRROR} or the host's apt sources name, into {@code data/}.
 */
final class BenchData {
  private BenchData() {}

  /** Returns the cached, verified {@code main/binary-amd64/Packages.xz} of a suite. */
  static Path packagesXz(String suite) throws Exception {
    Downloader downloader =
        Downloader.builder(new ContentCache(Path.of("data").toAbsolutePath(), Clock.systemUTC()))
            .build();
    URI dists = MirrorResolver.fromHost().mirrorFor(suite).resolve("dists/" + suite + "/");
    byte[] inRelease = downloader.fetchBytes(dists.resolve("InRelease"), 16 << 20, suite);
    VerifiedRelease release =
        new InReleaseVerifier(Clock.systemUTC())
            .verify(inRelease, Keyring.debianDefault(), suite, suite + " InRelease");
    String path = "main/binary-amd64/Packages.xz";
    ReleaseFile.FileEntry entry =
        release
            .release()
            .sha256Entry(path)
            .orElseThrow(() -> new IllegalStateException(suite + " InRelease lists no " + path));
    return downloader.fetch(
        new DownloadRequest(dists.resolve(path), entry.size(), entry.sha256(), suite + " " + path));
  }
}
