package dev.temper.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.oci.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks which entry {@code oci:DIR} without a tag names when artifacts sit beside the image. */
class DefaultImageTest {
  @TempDir Path temp;

  @Test
  void artifactsBesideImageAreSkipped() throws Exception {
    Path dir = temp.resolve("layout");
    Descriptor image;
    try (OciLayoutWriter writer = OciLayoutWriter.open(dir)) {
      image = writeImage(writer, "app");
      writer.tag(image, "v1");
      // cosign's tag-based signature and attestation, without artifact type in index.json.
      writer.tag(writeArtifact(writer, null, "sig"), image.digest().tagForm() + ".sig");
      writer.tag(writeArtifact(writer, null, "att"), image.digest().tagForm() + ".att");
      // An untagged referrer that only its manifest's subject marks as an artifact.
      writer.addUntagged(writeArtifact(writer, image, "bundle"));
      // An SBOM referrer, listed with its artifact type.
      writer.addReferrer(artifact(writer, image, "sbom"));
      writer.commit();
    }
    OciLayout layout = OciLayout.open(dir);

    assertThat(layout.index().manifests()).hasSize(5);
    assertThat(layout.resolve(null).digest()).isEqualTo(image.digest());
    // skopeo reads the image of the same layout by its tag.
    assertThat(Tools.run("skopeo", "--insecure-policy", "inspect", "--raw", "oci:" + dir + ":v1"))
        .isEqualTo(new String(layout.readDocument(image), StandardCharsets.UTF_8));
  }

  @Test
  void twoImagesListTheirNames() throws Exception {
    Path dir = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(dir)) {
      Descriptor first = writeImage(writer, "one");
      writer.tag(first, "v1");
      writer.tag(writeArtifact(writer, null, "sig"), first.digest().tagForm() + ".sig");
      writer.tag(writeImage(writer, "two"), "v2");
      writer.addUntagged(writeImage(writer, "three"));
      writer.commit();
    }

    assertThatThrownBy(() -> OciLayout.open(dir).resolve(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "oci:"
                + dir
                + ": the layout has 3 images and none is tagged 'latest', so name one of them: oci:"
                + dir
                + ":v1, oci:"
                + dir
                + ":v2, oci:"
                + dir
                + ":@3");
  }

  @Test
  void onlyArtifactsIsNotFound() throws Exception {
    Path dir = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(dir)) {
      Descriptor image = writeImage(writer, "app");
      writer.tag(writeArtifact(writer, null, "sig"), image.digest().tagForm() + ".sig");
      writer.addReferrer(artifact(writer, image, "sbom"));
      writer.commit();
    }

    assertThatThrownBy(() -> OciLayout.open(dir).resolve(null))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("oci:" + dir + ": the layout has no images");
  }

  @Test
  void similarTagIsAnImage() throws Exception {
    Path dir = temp.resolve("layout");
    Descriptor image;
    try (OciLayoutWriter writer = OciLayoutWriter.open(dir)) {
      image = writeImage(writer, "app");
      // Not cosign's form: the hex is too short, so this is a user's tag of an image.
      writer.tag(image, "sha256-abc.sig");
      writer.commit();
    }

    assertThat(OciLayout.open(dir).resolve(null).digest()).isEqualTo(image.digest());
  }

  private static Descriptor writeImage(OciLayoutWriter writer, String content) throws Exception {
    return TestImages.write(writer, List.of(new TarBuilder().file("etc/motd", content).build()));
  }

  /**
   * Writes a manifest with no artifact type, as cosign writes its {@code .sig} and {@code .att}
   * manifests and as older tools write referrers.
   */
  private static Descriptor writeArtifact(OciLayoutWriter writer, Descriptor subject, String text)
      throws Exception {
    ImageManifest typed = artifact(writer, subject, text);
    return writer.writeManifest(
        new ImageManifest(
            2,
            MediaTypes.OCI_MANIFEST,
            null,
            typed.config(),
            typed.layers(),
            typed.subject(),
            Map.of()));
  }

  /**
   * Builds an artifact manifest with an artifact type, one JSON layer and, when given, a subject.
   */
  private static ImageManifest artifact(OciLayoutWriter writer, Descriptor subject, String text)
      throws Exception {
    Descriptor config =
        writer.writeBlob(MediaTypes.OCI_EMPTY, "{}".getBytes(StandardCharsets.US_ASCII));
    Descriptor layer =
        writer.writeBlob(
            "application/json", ("{\"" + text + "\":1}").getBytes(StandardCharsets.US_ASCII));
    Descriptor subjectDescriptor =
        subject == null
            ? null
            : Descriptor.of(subject.mediaType(), subject.digest(), subject.size());
    return new ImageManifest(
        2,
        MediaTypes.OCI_MANIFEST,
        "application/vnd.example." + text,
        config,
        List.of(layer),
        subjectDescriptor,
        Map.of());
  }
}
