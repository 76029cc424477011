package dev.temper.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.Annotations;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.oci.testing.Json;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.oci.testing.Tools;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutWriterTest {
  @TempDir Path temp;

  private static byte[] appLayer() {
    return new TarBuilder()
        .directory("app")
        .file("app/hello.txt", "hello from temper\n")
        .symlink("app/link", "hello.txt")
        .build();
  }

  @Test
  void newLayoutOpensInSkopeoAndUmoci() throws Exception {
    Path layout = temp.resolve("out");
    Descriptor manifest;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      manifest = TestImages.write(writer, List.of(appLayer()));
      writer.tag(manifest, "1.0");
      writer.commit();
    }

    String layoutFile = Files.readString(layout.resolve("oci-layout"));
    assertThat(Json.parse(layoutFile).get("imageLayoutVersion").asText()).isEqualTo("1.0.0");
    JsonNode inspected = Json.parse(Tools.run("skopeo", "inspect", "oci:" + layout + ":1.0"));
    assertThat(inspected.get("Digest").asText()).isEqualTo(manifest.digest().toString());
    String raw = Tools.run("skopeo", "inspect", "--raw", "oci:" + layout + ":1.0");
    assertThat(Digest.sha256(raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(manifest.digest());

    Path bundle = temp.resolve("bundle");
    Tools.run("umoci", "unpack", "--image", layout + ":1.0", bundle.toString());
    assertThat(Files.readString(bundle.resolve("rootfs/app/hello.txt")))
        .isEqualTo("hello from temper\n");
    assertThat(Files.readSymbolicLink(bundle.resolve("rootfs/app/link")))
        .isEqualTo(Path.of("hello.txt"));
  }

  @Test
  void copyKeepsManifestDigest() throws Exception {
    Path source = temp.resolve("source");
    Descriptor manifest;
    try (OciLayoutWriter writer = OciLayoutWriter.open(source)) {
      manifest = TestImages.write(writer, List.of(appLayer()));
      writer.tag(manifest, "1");
      writer.commit();
    }
    Path target = temp.resolve("target");

    try (ImageSource image = ImageSources.localOnly().open("oci:" + source + ":1", null);
        OciLayoutWriter writer = OciLayoutWriter.open(target)) {
      assertThat(LayoutCopy.copy(image, writer, "copied").digest()).isEqualTo(manifest.digest());
      writer.commit();
    }

    JsonNode inspected = Json.parse(Tools.run("skopeo", "inspect", "oci:" + target + ":copied"));
    assertThat(inspected.get("Digest").asText()).isEqualTo(manifest.digest().toString());
    Path bundle = temp.resolve("bundle");
    Tools.run("umoci", "unpack", "--image", target + ":copied", bundle.toString());
    assertThat(Files.readString(bundle.resolve("rootfs/app/hello.txt")))
        .isEqualTo("hello from temper\n");
  }

  @Test
  void addingToLayoutKeepsOtherTags() throws Exception {
    Path layout = temp.resolve("out");
    Descriptor first;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      first = TestImages.write(writer, List.of(appLayer()));
      writer.tag(first, "a");
      writer.commit();
    }
    Descriptor second;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      second = TestImages.write(writer, List.of(new TarBuilder().file("b.txt", "b").build()));
      writer.tag(second, "b");
      writer.commit();
    }

    OciLayout read = OciLayout.open(layout);
    assertThat(read.tags()).containsExactly("a", "b");
    assertThat(read.resolve("a").digest()).isEqualTo(first.digest());
    assertThat(read.resolve("b").digest()).isEqualTo(second.digest());
    JsonNode inspected = Json.parse(Tools.run("skopeo", "inspect", "oci:" + layout + ":a"));
    assertThat(inspected.get("Digest").asText()).isEqualTo(first.digest().toString());
  }

  @Test
  void retaggingReplacesOnlyThatEntry() throws Exception {
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor image = TestImages.write(writer, List.of(appLayer()));
      writer.tag(image, "keep");
      writer.tag(image, "move");
      writer.commit();
    }
    Descriptor moved;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      moved = TestImages.write(writer, List.of(new TarBuilder().file("new", "n").build()));
      writer.tag(moved, "move");
      writer.commit();
    }

    OciLayout read = OciLayout.open(layout);
    assertThat(read.index().manifests()).hasSize(2);
    assertThat(read.resolve("move").digest()).isEqualTo(moved.digest());
    assertThat(read.resolve("keep").digest()).isNotEqualTo(moved.digest());
  }

  @Test
  void uncommittedWriterLeavesNothing() throws Exception {
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      TestImages.write(writer, List.of(appLayer()));
    }

    assertThat(layout).doesNotExist();
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void directoryThatIsNoLayoutIsRejected() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("photos"));
    Files.writeString(directory.resolve("cat.jpg"), "meow");

    assertThatThrownBy(() -> OciLayoutWriter.open(directory))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("photos")
        .hasMessageContaining("is not an OCI layout");
  }

  @Test
  void symlinkedBlobDirectoryIsRejected() throws Exception {
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.tag(TestImages.write(writer, List.of(appLayer())), "a");
      writer.commit();
    }
    Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
    Path blobs = layout.resolve("blobs/sha256");
    Files.move(blobs, elsewhere.resolve("sha256"));
    Files.createSymbolicLink(blobs, elsewhere.resolve("sha256"));

    assertThatThrownBy(() -> OciLayoutWriter.open(layout))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is a symbolic link");
  }

  @Test
  void emptyDirectoryBecomesLayout() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("empty"));
    try (OciLayoutWriter writer = OciLayoutWriter.open(directory)) {
      writer.tag(TestImages.write(writer, List.of(appLayer())), "latest");
      writer.commit();
    }

    assertThat(OciLayout.open(directory).tags()).containsExactly("latest");
  }

  @Test
  void blobWithWrongDigestIsNotStored() throws Exception {
    Path layout = temp.resolve("out");
    byte[] content = "expected".getBytes(StandardCharsets.UTF_8);
    Descriptor expected = Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(content), 8);
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      byte[] other = "EXPECTED".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> writer.writeBlob(expected, new ByteArrayInputStream(other)))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining(expected.digest().toString())
          .hasMessageContaining(Digest.sha256(other).toString());
      writer.addUntagged(writer.writeBlob(expected, new ByteArrayInputStream(content)));
      writer.commit();
    }

    Path stored = OciLayout.open(layout).blobPath(expected.digest());
    assertThat(Files.readAllBytes(stored)).isEqualTo(content);
    try (Stream<Path> blobs = Files.list(layout.resolve("blobs"))) {
      assertThat(blobs.map(path -> path.getFileName().toString())).containsExactly("sha256");
    }
  }

  @Test
  void presentBlobIsNotReadAgain() throws Exception {
    Path layout = temp.resolve("out");
    byte[] content = "content".getBytes(StandardCharsets.UTF_8);
    Descriptor blob;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      blob = writer.writeBlob(MediaTypes.OCI_LAYER, content);
      writer.addUntagged(blob);
      writer.commit();
    }
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      ByteArrayInputStream unread = new ByteArrayInputStream(new byte[0]);
      assertThat(writer.writeBlob(blob, unread)).isEqualTo(blob);
      assertThat(unread.available()).isZero();
      writer.commit();
    }
  }

  @Test
  void concurrentWritersKeepAllTags() throws Exception {
    Path layout = temp.resolve("out");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.tag(TestImages.write(writer, List.of(appLayer())), "base");
      writer.commit();
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String tag = "t" + i;
      writes.add(
          pool.submit(
              () -> {
                try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
                  byte[] layer = new TarBuilder().file(tag, tag).build();
                  writer.tag(TestImages.write(writer, List.of(layer)), tag);
                  writer.commit();
                }
                return null;
              }));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();

    assertThat(OciLayout.open(layout).tags())
        .containsExactlyInAnyOrder("base", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7");
  }

  @Test
  void referrersAreFoundBySubject() throws Exception {
    Path layout = temp.resolve("out");
    Descriptor image;
    Descriptor referrer;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      image = TestImages.write(writer, List.of(appLayer()));
      writer.tag(image, "app");
      byte[] sbom = "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8);
      Descriptor sbomBlob = writer.writeBlob("application/spdx+json", sbom);
      Descriptor empty =
          writer.writeBlob(MediaTypes.OCI_EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
      ImageManifest artifact =
          new ImageManifest(
              2,
              MediaTypes.OCI_MANIFEST,
              "application/spdx+json",
              empty,
              List.of(sbomBlob),
              image,
              Map.of(Annotations.CREATED, "1970-01-01T00:00:00Z"));
      referrer = writer.addReferrer(artifact);
      writer.commit();
    }

    OciLayout read = OciLayout.open(layout);
    List<Descriptor> found = read.referrers(image.digest());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).digest()).isEqualTo(referrer.digest());
    assertThat(found.get(0).artifactType()).isEqualTo("application/spdx+json");
    assertThat(found.get(0).annotations())
        .containsEntry(Annotations.CREATED, "1970-01-01T00:00:00Z");
    assertThat(read.referrers(referrer.digest())).isEmpty();
    assertThat(read.resolve("app").digest()).isEqualTo(image.digest());
    assertThat(read.resolve(null).digest()).isEqualTo(image.digest());
    JsonNode inspected = Json.parse(Tools.run("skopeo", "inspect", "oci:" + layout + ":app"));
    assertThat(inspected.get("Digest").asText()).isEqualTo(image.digest().toString());
    byte[] stored = read.readDocument(referrer);
    assertThat(OciJson.read(stored, ImageManifest.class, "referrer").subject().digest())
        .isEqualTo(image.digest());
  }
}
