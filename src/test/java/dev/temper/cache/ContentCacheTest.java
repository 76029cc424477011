package dev.temper.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.IntegrityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCacheTest {
  private static final byte[] CONTENT = "hello, cache\n".getBytes(UTF_8);
  private static final String CONTENT_SHA256 = Sha256.of(CONTENT);
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir Path root;

  private ContentCache cache() {
    return new ContentCache(root, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private Path blobDirectory() {
    return root.resolve("blobs/sha256");
  }

  private List<Path> blobDirectoryEntries() throws IOException {
    try (Stream<Path> entries = Files.list(blobDirectory())) {
      return entries.toList();
    }
  }

  @Test
  void findMissesEmptyCache() {
    assertThat(cache().find(CONTENT_SHA256)).isEmpty();
  }

  @Test
  void findIntactKeepsMatchingBlob() throws Exception {
    Path blob = cache().put(new ByteArrayInputStream(CONTENT), CONTENT.length, CONTENT_SHA256, "a");

    assertThat(cache().findIntact(CONTENT_SHA256)).contains(blob);
    assertThat(cache().findIntact("0".repeat(64))).isEmpty();
  }

  @Test
  void findIntactDeletesChangedBlob() throws Exception {
    Path blob = cache().put(new ByteArrayInputStream(CONTENT), CONTENT.length, CONTENT_SHA256, "a");
    Files.delete(blob);
    Files.write(blob, "changed on disk".getBytes(UTF_8));

    assertThat(cache().find(CONTENT_SHA256)).contains(blob);
    assertThat(cache().findIntact(CONTENT_SHA256)).isEmpty();
    assertThat(Files.exists(blob)).isFalse();
  }

  @Test
  void putStoresBlobUnderDigest() throws Exception {
    Path blob = cache().put(new ByteArrayInputStream(CONTENT), CONTENT.length, CONTENT_SHA256, "a");

    assertThat(blob).isEqualTo(blobDirectory().resolve(CONTENT_SHA256));
    assertThat(Files.readAllBytes(blob)).isEqualTo(CONTENT);
    assertThat(cache().find(CONTENT_SHA256)).contains(blob);
    assertThat(blobDirectoryEntries()).containsExactly(blob);
  }

  @Test
  void putMakesBlobReadOnly() throws Exception {
    Path blob = cache().put(new ByteArrayInputStream(CONTENT), CONTENT.length, CONTENT_SHA256, "a");

    assertThat(Files.getPosixFilePermissions(blob))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
  }

  @Test
  void putAcceptsUnknownSize() throws Exception {
    Path blob = cache().put(new ByteArrayInputStream(CONTENT), -1, CONTENT_SHA256, "a");

    assertThat(Files.readAllBytes(blob)).isEqualTo(CONTENT);
  }

  @Test
  void putReturnsExistingBlobWithoutReading() throws Exception {
    ContentCache cache = cache();
    cache.put(new ByteArrayInputStream(CONTENT), CONTENT.length, CONTENT_SHA256, "a");
    CountingStream second = new CountingStream(new ByteArrayInputStream(CONTENT));

    cache.put(second, CONTENT.length, CONTENT_SHA256, "a");

    assertThat(second.count).isZero();
  }

  @Test
  void putStoresBlobLargerThanSeveralSyncSteps() throws Exception {
    byte[] large = new byte[(int) (2.5 * EarlyWriteback.DEFAULT_STEP)];
    new Random(7).nextBytes(large);
    String sha256 = Sha256.of(large);

    Path blob = cache().put(new ByteArrayInputStream(large), large.length, sha256, "large");

    assertThat(Sha256.of(Files.readAllBytes(blob))).isEqualTo(sha256);
    assertThat(blobDirectoryEntries()).containsExactly(blob);
  }

  @Test
  void digestMismatchLeavesNothing() {
    String wrong = "0".repeat(64);

    assertThatThrownBy(
            () -> cache().put(new ByteArrayInputStream(CONTENT), CONTENT.length, wrong, "a.deb"))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("a.deb: SHA-256 mismatch, expected " + wrong + " but got " + CONTENT_SHA256);
    assertThat(cache().find(wrong)).isEmpty();
    assertThat(blobDirectory()).isEmptyDirectory();
  }

  @Test
  void shortBodyIsSizeMismatch() {
    assertThatThrownBy(
            () ->
                cache()
                    .put(
                        new ByteArrayInputStream(CONTENT),
                        CONTENT.length + 5,
                        CONTENT_SHA256,
                        "a.deb"))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("a.deb: size mismatch, expected 18 bytes but got 13");
    assertThat(blobDirectory()).isEmptyDirectory();
  }

  @Test
  void oversizedBodyStopsEarly() {
    CountingStream endless = new CountingStream(new EndlessStream());

    assertThatThrownBy(() -> cache().put(endless, 100_000, CONTENT_SHA256, "big.deb"))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("big.deb: size mismatch, expected 100000 bytes but got more than 100000");
    assertThat(endless.count).isEqualTo(100_001);
    assertThat(blobDirectory()).isEmptyDirectory();
  }

  @Test
  void failingStreamLeavesNothing() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> cache().put(failing, 10, CONTENT_SHA256, "a"))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
    assertThat(blobDirectory()).isEmptyDirectory();
  }

  @Test
  void craftedDigestRejected() {
    for (String crafted :
        List.of("../../x", "../" + "a".repeat(61), CONTENT_SHA256.toUpperCase(), "", "a b")) {
      assertThatThrownBy(() -> cache().find(crafted))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid SHA-256 digest '"
                  + crafted
                  + "': expected 64 lower-case hexadecimal digits");
      assertThatThrownBy(
              () -> cache().put(new ByteArrayInputStream(CONTENT), -1, crafted, "crafted"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void putVerifiedFileCopiesFile() throws Exception {
    Path source = Files.write(root.resolve("source.deb"), CONTENT);

    Path blob = cache().putVerifiedFile(source, CONTENT_SHA256, "source.deb");

    assertThat(Files.readAllBytes(blob)).isEqualTo(CONTENT);
  }

  @Test
  void staleTemporaryFilesRemovedOnPut() throws Exception {
    Files.createDirectories(blobDirectory());
    Path stale = Files.createFile(blobDirectory().resolve(ContentCache.TEMP_PREFIX + "old"));
    Path fresh = Files.createFile(blobDirectory().resolve(ContentCache.TEMP_PREFIX + "new"));
    Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofDays(2))));
    Files.setLastModifiedTime(fresh, FileTime.from(NOW.minus(Duration.ofHours(1))));

    Path blob = cache().put(new ByteArrayInputStream(CONTENT), CONTENT.length, CONTENT_SHA256, "a");

    assertThat(blobDirectoryEntries()).containsExactlyInAnyOrder(blob, fresh);
  }

  @Test
  void staleSweepCountsRemovedFiles() throws Exception {
    Files.createDirectories(blobDirectory());
    Path stale = Files.createFile(blobDirectory().resolve(ContentCache.TEMP_PREFIX + "old"));
    Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofDays(2))));
    Path blobLookalike = Files.createFile(blobDirectory().resolve(CONTENT_SHA256));
    Files.setLastModifiedTime(blobLookalike, FileTime.from(NOW.minus(Duration.ofDays(30))));

    assertThat(cache().removeStaleTemporaryFiles()).isEqualTo(1);
    assertThat(blobDirectoryEntries()).containsExactly(blobLookalike);
  }

  @Test
  void rootPrefersTemperCacheDir() {
    Path home = Path.of("/home/user");

    Path chosen =
        ContentCache.rootFrom(
            java.util.Map.of("TEMPER_CACHE_DIR", "/srv/cache", "XDG_CACHE_HOME", "/xdg"), home);

    assertThat(chosen).isEqualTo(Path.of("/srv/cache"));
  }

  @Test
  void rootUsesXdgCacheHome() {
    Path chosen =
        ContentCache.rootFrom(java.util.Map.of("XDG_CACHE_HOME", "/xdg"), Path.of("/home/user"));

    assertThat(chosen).isEqualTo(Path.of("/xdg/temper"));
  }

  @Test
  void rootIgnoresRelativeXdgCacheHome() {
    Path chosen =
        ContentCache.rootFrom(
            java.util.Map.of("XDG_CACHE_HOME", "relative", "TEMPER_CACHE_DIR", ""),
            Path.of("/home/user"));

    assertThat(chosen).isEqualTo(Path.of("/home/user/.cache/temper"));
  }

  @Test
  void rootDefaultsToHomeCache() {
    Path chosen = ContentCache.rootFrom(java.util.Map.of(), Path.of("/home/user"));

    assertThat(chosen).isEqualTo(Path.of("/home/user/.cache/temper"));
  }

  @Test
  void findIgnoresDirectoryNamedLikeBlob() throws Exception {
    Files.createDirectories(blobDirectory().resolve(CONTENT_SHA256));

    assertThat(cache().find(CONTENT_SHA256)).isEqualTo(Optional.empty());
  }

  /** Counts the bytes read through it. */
  static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int read = in.read(bytes, offset, length);
      count += Math.max(0, read);
      return read;
    }
  }

  /** Returns zero bytes forever. */
  static final class EndlessStream extends InputStream {
    @Override
    public int read() {
      return 0;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
      java.util.Arrays.fill(bytes, offset, offset + length, (byte) 0);
      return length;
    }
  }
}
