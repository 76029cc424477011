package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaches SBOMs to an image in a layout that umoci made, and checks skopeo still reads it. */
class SbomAttachmentTest {
  @TempDir Path dir;

  private static String run(Path workDir, String... command) throws Exception {
    Path output = Files.createTempFile("command", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String text = Files.readString(output);
      assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void attachesSbomWithImageSubject() throws Exception {
    Path layout = dir.resolve("layout");
    run(dir, "umoci", "init", "--layout", layout.toString());
    run(dir, "umoci", "new", "--image", layout + ":app");
    Descriptor image =
        OciJson.read(Files.readAllBytes(layout.resolve("index.json")), ImageIndex.class, "index")
            .manifests()
            .get(0);
    Inventory inventory =
        new Inventory(
            new ImageSubject("oci:" + layout + ":app", image.digest().toString(), null, null),
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of());

    Descriptor spdx = SbomAttachment.attach(layout, image, inventory, SbomFormat.SPDX_JSON);
    Descriptor cdx = SbomAttachment.attach(layout, image, inventory, SbomFormat.CYCLONEDX_JSON);
    Descriptor again = SbomAttachment.attach(layout, image, inventory, SbomFormat.CYCLONEDX_JSON);

    assertThat(again).isEqualTo(cdx);
    ImageIndex index =
        OciJson.read(Files.readAllBytes(layout.resolve("index.json")), ImageIndex.class, "index");
    assertThat(index.manifests()).containsExactly(image, spdx, cdx);
    assertThat(SbomAttachment.find(layout, image.digest())).containsExactly(spdx, cdx);

    Path manifestBlob = layout.resolve("blobs/sha256").resolve(cdx.digest().hex());
    ImageManifest artifact =
        OciJson.read(Files.readAllBytes(manifestBlob), ImageManifest.class, "artifact");
    assertThat(artifact.artifactType()).isEqualTo("application/vnd.cyclonedx+json");
    assertThat(artifact.subject().digest()).isEqualTo(image.digest());
    assertThat(artifact.config().mediaType()).isEqualTo(MediaTypes.OCI_EMPTY);
    Descriptor sbom = artifact.layers().get(0);
    byte[] sbomBytes =
        Files.readAllBytes(layout.resolve("blobs/sha256").resolve(sbom.digest().hex()));
    assertThat(sbomBytes).hasSize((int) sbom.size());
    assertThat(dev.temper.testing.JsonSchemas.cycloneDx(sbomBytes)).isEmpty();
    JsonNode bom = new ObjectMapper().readTree(sbomBytes);
    assertThat(bom.at("/metadata/component/version").asText()).isEqualTo(image.digest().toString());

    // Real clients still resolve the tag to the image, not to an attached SBOM.
    String inspected = run(dir, "skopeo", "inspect", "--raw", "oci:" + layout + ":app");
    assertThat(OciJson.read(inspected.getBytes(), ImageManifest.class, "skopeo").config().digest())
        .isEqualTo(
            OciJson.read(
                    Files.readAllBytes(
                        layout.resolve("blobs/sha256").resolve(image.digest().hex())),
                    ImageManifest.class,
                    "image")
                .config()
                .digest());
    assertThat(run(dir, "umoci", "ls", "--layout", layout.toString()).strip()).isEqualTo("app");
  }
}
