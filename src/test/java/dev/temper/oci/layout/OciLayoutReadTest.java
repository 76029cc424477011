package dev.temper.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.blob.BlobIntegrityIOException;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutReadTest {
  @TempDir Path temp;

  private Descriptor writeImage(Path layout, String... tags) throws Exception {
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor manifest =
          TestImages.write(writer, List.of(new TarBuilder().file("etc/motd", "hi\n").build()));
      for (String tag : tags) {
        writer.tag(manifest, tag);
      }
      writer.commit();
      return manifest;
    }
  }

  private static ImageManifest manifestOf(OciLayout layout, Descriptor descriptor)
      throws Exception {
    return OciJson.read(layout.readDocument(descriptor), ImageManifest.class, "manifest");
  }

  @Test
  void changedLayerByteFailsWithBothDigests() throws Exception {
    Path dir = temp.resolve("layout");
    Descriptor manifestDescriptor = writeImage(dir, "1");
    OciLayout layout = OciLayout.open(dir);
    Descriptor layer = manifestOf(layout, manifestDescriptor).layers().get(0);
    Path blob = layout.blobPath(layer.digest());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 1;
    Files.write(blob, bytes);

    Throwable thrown =
        catchThrowable(
            () -> {
              try (InputStream in = layout.openBlob(layer)) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            });

    assertThat(thrown).isInstanceOf(BlobIntegrityIOException.class);
    IntegrityException integrity = ((BlobIntegrityIOException) thrown).integrity();
    assertThat(integrity)
        .hasMessageContaining(layer.digest().toString())
        .hasMessageContaining("but got " + Digest.sha256(bytes));
  }

  @Test
  void changedManifestByteFails() throws Exception {
    Path dir = temp.resolve("layout");
    Descriptor manifest = writeImage(dir, "1");
    OciLayout layout = OciLayout.open(dir);
    Path blob = layout.blobPath(manifest.digest());
    String json = Files.readString(blob).replace("\"schemaVersion\":2", "\"schemaVersion\":3");
    Files.writeString(blob, json);

    assertThatThrownBy(() -> layout.readDocument(manifest))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("expected " + manifest.digest());
  }

  @Test
  void manifestOverFourMebibytesIsRejected() throws Exception {
    Path dir = temp.resolve("layout");
    writeImage(dir, "1");
    OciLayout layout = OciLayout.open(dir);
    byte[] big = new byte[OciJson.MAX_DOCUMENT_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Descriptor huge = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(big), big.length);
    Files.write(layout.blobPath(huge.digest()), big);

    assertThatThrownBy(() -> layout.readDocument(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(huge.digest().toString())
        .hasMessageContaining("4194305 bytes, more than the limit of 4194304");
  }

  @Test
  void indexOverFourMebibytesIsRejected() throws Exception {
    Path dir = temp.resolve("layout");
    writeImage(dir, "1");
    Files.write(dir.resolve("index.json"), new byte[OciJson.MAX_DOCUMENT_BYTES + 10]);

    assertThatThrownBy(() -> OciLayout.open(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("index.json: larger than the limit of 4194304 bytes");
  }

  @Test
  void traversalDigestInIndexIsRejected() throws Exception {
    Path dir = temp.resolve("layout");
    writeImage(dir, "1");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\"sha256:../../x\",\"size\":10}]}");

    assertThatThrownBy(() -> OciLayout.open(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("index.json")
        .hasMessageContaining("invalid sha256 digest");
  }

  @Test
  void missingBlobIsNotFound() throws Exception {
    Path dir = temp.resolve("layout");
    Descriptor manifest = writeImage(dir, "1");
    OciLayout layout = OciLayout.open(dir);
    Files.delete(layout.blobPath(manifest.digest()));

    assertThatThrownBy(() -> layout.readDocument(manifest))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("blob " + manifest.digest())
        .hasMessageContaining("not found");
  }

  @Test
  void defaultEntryRules() throws Exception {
    Path single = temp.resolve("single");
    Descriptor only = writeImage(single, "v1");
    assertThat(OciLayout.open(single).resolve(null).digest()).isEqualTo(only.digest());

    Path two = temp.resolve("two");
    writeImage(two, "v1");
    try (OciLayoutWriter writer = OciLayoutWriter.open(two)) {
      writer.tag(TestImages.write(writer, List.of(new TarBuilder().file("x", "x").build())), "v2");
      writer.commit();
    }
    assertThatThrownBy(() -> OciLayout.open(two).resolve(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 images and none is tagged 'latest'")
        .hasMessageEndingWith("name one of them: oci:" + two + ":v1, oci:" + two + ":v2");

    Descriptor latest = writeImage(two, "latest");
    assertThat(OciLayout.open(two).resolve(null).digest()).isEqualTo(latest.digest());
  }

  @Test
  void unknownTagListsTags() throws Exception {
    Path dir = temp.resolve("layout");
    writeImage(dir, "a", "b");

    assertThatThrownBy(() -> OciLayout.open(dir).resolve("c"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no image tagged 'c'; tags: a, b");
  }

  @Test
  void duplicateTagIsAmbiguous() throws Exception {
    Path dir = temp.resolve("layout");
    Descriptor manifest = writeImage(dir, "x");
    String entry =
        "{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\""
            + manifest.digest()
            + "\",\"size\":"
            + manifest.size()
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"x\"}}";
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[" + entry + "," + entry + "]}",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> OciLayout.open(dir).resolve("x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 entries tagged 'x'");
  }

  @Test
  void wrongLayoutVersionIsRejected() throws Exception {
    Path dir = temp.resolve("layout");
    writeImage(dir, "1");
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");

    assertThatThrownBy(() -> OciLayout.open(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported imageLayoutVersion \"2.0.0\"");
  }

  @Test
  void missingDirectoryIsNotFound() {
    assertThatThrownBy(() -> OciLayout.open(temp.resolve("nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no such directory");
  }
}
