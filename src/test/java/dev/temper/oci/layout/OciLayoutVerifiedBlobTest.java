package dev.temper.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.IntegrityException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs that were checked before, such as content cache entries, added without a second read. */
class OciLayoutVerifiedBlobTest {
  private static final byte[] CONTENT = "layer bytes".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor BLOB =
      Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(CONTENT), CONTENT.length);

  @TempDir Path temp;

  @Test
  void sameFileSystemBlobIsLinked() throws Exception {
    Path source = Files.write(temp.resolve("cached"), CONTENT);
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.addVerifiedBlob(BLOB, source);
      writer.addUntagged(BLOB);
      writer.commit();
    }

    Path stored = OciLayout.open(layout).blobPath(BLOB.digest());
    assertThat(Files.isSameFile(stored, source)).isTrue();
    assertThat(Files.getAttribute(stored, "unix:nlink")).isEqualTo(2);
    assertNoTemporaryFiles(layout);
  }

  @Test
  void otherFileSystemBlobIsCopied() throws Exception {
    // /dev/shm is a tmpfs on Linux, so a hard link from there into the temporary directory fails.
    Path shm = Path.of("/dev/shm");
    assertThat(Files.getFileStore(shm)).isNotEqualTo(Files.getFileStore(temp));
    Path source = Files.createTempFile(shm, "temper-verified-", ".blob");
    try {
      Files.write(source, CONTENT);
      Path layout = temp.resolve("out");
      try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
        writer.addVerifiedBlob(BLOB, source);
        writer.addUntagged(BLOB);
        writer.commit();
      }

      Path stored = OciLayout.open(layout).blobPath(BLOB.digest());
      assertThat(Files.isSameFile(stored, source)).isFalse();
      assertThat(Files.readAllBytes(stored)).isEqualTo(CONTENT);
      assertNoTemporaryFiles(layout);
    } finally {
      Files.deleteIfExists(source);
    }
  }

  @Test
  void fileOfOtherSizeIsRejected() throws Exception {
    Path source = Files.write(temp.resolve("cached"), "layer bytes, longer".getBytes());
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      assertThatThrownBy(() -> writer.addVerifiedBlob(BLOB, source))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining("size mismatch")
          .hasMessageContaining(BLOB.digest().toString());
      writer.addUntagged(writer.writeBlob(MediaTypes.OCI_LAYER, new byte[] {1}));
      writer.commit();
    }

    assertThat(Files.exists(OciLayout.open(layout).blobPath(BLOB.digest()))).isFalse();
    assertNoTemporaryFiles(layout);
  }

  @Test
  void presentBlobIsKept() throws Exception {
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.addUntagged(writer.writeBlob(MediaTypes.OCI_LAYER, CONTENT));
      writer.commit();
    }
    Path stored = OciLayout.open(layout).blobPath(BLOB.digest());
    Path source = Files.write(temp.resolve("cached"), CONTENT);

    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.addVerifiedBlob(BLOB, source);
      writer.commit();
    }

    assertThat(Files.isSameFile(stored, source)).isFalse();
    assertThat(Files.readAllBytes(stored)).isEqualTo(CONTENT);
  }

  private static void assertNoTemporaryFiles(Path layout) throws Exception {
    try (Stream<Path> files = Files.walk(layout.resolve("blobs"))) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
