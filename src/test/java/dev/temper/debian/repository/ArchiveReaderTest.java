package dev.temper.debian.repository;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.cache.RetryPolicy;
import dev.temper.cache.Sha256;
import dev.temper.debian.BinaryPackage;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.error.TrustException;
import dev.temper.testing.LoopbackServer;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads archives that the tests publish with dpkg-deb and gpg, served on loopback. */
class ArchiveReaderTest {
  private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

  @TempDir Path dir;
  private LoopbackServer server;
  private ContentCache cache;

  @BeforeEach
  void createCache() {
    cache = new ContentCache(dir.resolve("cache"), Clock.systemUTC());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private PublishedArchive publish(TestArchive archive) throws Exception {
    PublishedArchive published =
        archive
            .suite("stable")
            .codename("trixie")
            .component("main")
            .arch("amd64")
            .date(NOW.minus(Duration.ofDays(1)))
            .add(
                pkg("hello", "2.10-3").depends("libgreet1 (>= 1.0)"),
                pkg("libgreet1", "1.2-1").source("greet (1.2-1)"))
            .publish();
    server = LoopbackServer.serving(published.root());
    return published;
  }

  private ArchiveReader reader() {
    Downloader downloader =
        Downloader.builder(cache)
            .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2))
            .sleeper(delay -> {})
            .build();
    return new ArchiveReader(downloader, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private RepositorySource source(PublishedArchive archive) throws Exception {
    return new RepositorySource(
        "test", server.uri("/"), "stable", List.of("main"), List.of("amd64"), archive.keyring());
  }

  private List<Path> cachedBlobs() throws Exception {
    Path blobs = cache.root().resolve("blobs/sha256");
    if (!Files.isDirectory(blobs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(blobs)) {
      return files.toList();
    }
  }

  @Test
  void readsVerifiedSuite() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));

    LoadedSuite suite = reader().read(source(archive));

    assertThat(suite.packages())
        .extracting(BinaryPackage::name)
        .containsExactly("hello", "libgreet1");
    BinaryPackage greet = suite.packages().get(1);
    assertThat(greet.sourceName()).isEqualTo("greet");
    assertThat(greet.origin().suite()).isEqualTo("stable");
    assertThat(greet.origin().inReleaseSha256()).isEqualTo(Sha256.of(archive.inReleaseBytes()));
    assertThat(suite.release().signerFingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void readsIndexByHash() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")).acquireByHash());

    LoadedSuite suite = reader().read(source(archive));

    assertThat(suite.packages()).hasSize(2);
    assertThat(server.requestCount("/dists/stable/main/binary-amd64/Packages.xz")).isZero();
  }

  @Test
  void fallsBackToGzipWhenXzMissing() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));
    Files.delete(archive.suiteDir().resolve("main/binary-amd64/Packages.xz"));

    LoadedSuite suite = reader().read(source(archive));

    assertThat(suite.packages())
        .extracting(BinaryPackage::name)
        .containsExactly("hello", "libgreet1");
    assertThat(server.requestCount("/dists/stable/main/binary-amd64/Packages.gz")).isEqualTo(1);
  }

  @Test
  void tamperedIndexRejectedAndNotCached() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));
    Path xz = archive.suiteDir().resolve("main/binary-amd64/Packages.xz");
    byte[] bytes = Files.readAllBytes(xz);
    String expected = Sha256.of(bytes);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(xz, bytes);

    assertThatThrownBy(() -> reader().read(source(archive)))
        .isInstanceOf(IntegrityException.class)
        .hasMessage(
            "test stable main/binary-amd64/Packages.xz from "
                + server.uri("/dists/stable/main/binary-amd64/Packages.xz")
                + ": SHA-256 mismatch, expected "
                + expected
                + " but got "
                + Sha256.of(bytes));
    assertThat(cachedBlobs()).isEmpty();
  }

  @Test
  void tamperedInReleaseRejected() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));
    archive.replaceInInRelease("Codename: trixie", "Codename: trixiE");

    assertThatThrownBy(() -> reader().read(source(archive)))
        .isInstanceOf(TrustException.class)
        .hasMessageStartingWith("test stable InRelease: ");
    assertThat(cachedBlobs()).isEmpty();
  }

  @Test
  void unknownKeyRejected() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));
    PublishedArchive other = TestArchive.create(dir.resolve("b")).suite("stable").publish();
    RepositorySource source =
        new RepositorySource(
            "test", server.uri("/"), "stable", List.of("main"), List.of("amd64"), other.keyring());

    assertThatThrownBy(() -> reader().read(source))
        .isInstanceOf(TrustException.class)
        .hasMessageContaining("test stable InRelease");
    assertThat(archive.poolFiles()).isNotEmpty();
  }

  @Test
  void truncatedIndexRetriedThenFails() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));
    server.truncateNext("/dists/stable/main/binary-amd64/Packages.xz", 5, 10);

    assertThatThrownBy(() -> reader().read(source(archive)))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("Packages.xz");
    assertThat(server.requestCount("/dists/stable/main/binary-amd64/Packages.xz")).isEqualTo(2);
    assertThat(cachedBlobs()).isEmpty();
  }

  @Test
  void missingComponentIsAnError() throws Exception {
    PublishedArchive archive = publish(TestArchive.create(dir.resolve("a")));
    RepositorySource source =
        new RepositorySource(
            "test",
            server.uri("/"),
            "stable",
            List.of("contrib"),
            List.of("amd64"),
            archive.keyring());

    assertThatThrownBy(() -> reader().read(source))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "test stable: InRelease lists no Packages.xz or Packages.gz for contrib/binary-amd64");
  }
}
