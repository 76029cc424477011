package dev.temper.debian.repository;

import dev.temper.cache.DownloadRequest;
import dev.temper.cache.Downloader;
import dev.temper.debian.BinaryPackage;
import dev.temper.debian.PackageOrigin;
import dev.temper.debian.PackagesParser;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.io.BoundedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads suites of a Debian archive along the chain of trust: the InRelease signature against a
 * keyring, each Packages index against the size and SHA-256 that InRelease lists, and only then the
 * packages inside.
 */
public final class ArchiveReader {
  private static final Logger log = LoggerFactory.getLogger(ArchiveReader.class);

  /** InRelease files larger than this are rejected; Debian's are a few hundred KiB. */
  static final long MAX_IN_RELEASE_BYTES = 16L << 20;

  /** Decompressed indexes larger than this are rejected; bookworm main amd64 is about 50 MB. */
  static final long MAX_INDEX_BYTES = 1L << 30;

  private final Downloader downloader;
  private final InReleaseVerifier verifier;

  public ArchiveReader(Downloader downloader, Clock clock) {
    this.downloader = downloader;
    this.verifier = new InReleaseVerifier(clock);
  }

  /**
   * Fetches and verifies the InRelease of a suite, then fetches, verifies and parses the Packages
   * index of each component and architecture.
   *
   * @throws dev.temper.error.TrustException when the signature or release checks fail
   * @throws dev.temper.error.IntegrityException when an index differs from what InRelease lists
   */
  public LoadedSuite read(RepositorySource source) throws TemperException, IOException {
    URI dists = source.uri().resolve("dists/" + source.suite() + "/");
    String releaseName = source.label() + " " + source.suite() + " InRelease";
    byte[] inRelease =
        downloader.fetchBytes(dists.resolve("InRelease"), MAX_IN_RELEASE_BYTES, releaseName);
    VerifiedRelease release =
        verifier.verify(inRelease, source.keyring(), source.suite(), releaseName);
    log.info("verified {} signed by {}", releaseName, release.signerFingerprints());

    List<BinaryPackage> packages = new ArrayList<>();
    for (String component : source.components()) {
      for (String architecture : source.architectures()) {
        PackageOrigin origin =
            new PackageOrigin(
                source.uri(), source.suite(), component, architecture, release.inReleaseSha256());
        packages.addAll(readIndex(source, dists, release, origin));
      }
    }
    return new LoadedSuite(source, release, packages);
  }

  private List<BinaryPackage> readIndex(
      RepositorySource source, URI dists, VerifiedRelease release, PackageOrigin origin)
      throws TemperException, IOException {
    String base = origin.component() + "/binary-" + origin.architecture() + "/Packages";
    String displayName = source.label() + " " + source.suite() + " " + base;
    for (String suffix : List.of(".xz", ".gz")) {
      Optional<ReleaseFile.FileEntry> entry = release.release().sha256Entry(base + suffix);
      if (entry.isEmpty()) {
        continue;
      }
      Path index;
      try {
        index = fetchIndex(dists, release, entry.get(), displayName + suffix);
      } catch (NotFoundException e) {
        log.info("{} listed in InRelease but not served, trying the next format", base + suffix);
        continue;
      }
      if (suffix.equals(".xz")) {
        // The index size is bounded by the signed InRelease, and parseXz bounds decoder memory.
        return PackagesParser.parseXz(index, origin, displayName + suffix);
      }
      try (InputStream in = gunzip(index)) {
        return PackagesParser.parse(in, origin, displayName + suffix);
      }
    }
    throw new InvalidInputException(
        source.label()
            + " "
            + source.suite()
            + ": InRelease lists no Packages.xz or Packages.gz for "
            + origin.component()
            + "/binary-"
            + origin.architecture());
  }

  /**
   * Downloads an index by its hash when the release supports it, which avoids a mix of old and new
   * files while the mirror updates, and by its plain path otherwise.
   */
  private Path fetchIndex(
      URI dists, VerifiedRelease release, ReleaseFile.FileEntry entry, String displayName)
      throws TemperException, IOException {
    if (release.release().acquireByHash()) {
      String directory = entry.path().substring(0, entry.path().lastIndexOf('/') + 1);
      URI byHash = dists.resolve(directory + "by-hash/SHA256/" + entry.sha256());
      try {
        return downloader.fetch(
            new DownloadRequest(byHash, entry.size(), entry.sha256(), displayName));
      } catch (NotFoundException e) {
        log.info("{} not served by hash, trying its plain path", displayName);
      }
    }
    return downloader.fetch(
        new DownloadRequest(
            dists.resolve(entry.path()), entry.size(), entry.sha256(), displayName));
  }

  private static InputStream gunzip(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return new BoundedInputStream(
        new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16),
        MAX_INDEX_BYTES,
        file + ": decompressed data");
  }
}
