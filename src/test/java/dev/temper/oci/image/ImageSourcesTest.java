package dev.temper.oci.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.archive.EntryType;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.Platform;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.FileViews;
import dev.temper.oci.testing.Json;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.oci.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourcesTest {
  @TempDir Path temp;

  private static final ImageSources SOURCES = ImageSources.localOnly();

  /** Writes an image for the architecture whose one file names it, and returns its manifest. */
  private static Descriptor imageFor(OciLayoutWriter writer, String architecture) throws Exception {
    byte[] layer = new TarBuilder().file("arch", architecture).build();
    ImageConfig amd64 = TestImages.config(List.of(layer));
    ImageConfig config =
        new ImageConfig(
            amd64.created(),
            null,
            architecture,
            "linux",
            null,
            amd64.config(),
            amd64.rootfs(),
            List.of());
    Descriptor blob = writer.writeBlob(MediaTypes.OCI_LAYER_GZIP, TarBuilder.gzip(layer));
    Descriptor configBlob = writer.writeConfig(config);
    Descriptor manifest = writer.writeManifest(ImageManifest.oci(configBlob, List.of(blob), null));
    return manifest.withPlatform(new Platform("linux", architecture, null));
  }

  private Path multiPlatformLayout(String... architectures) throws Exception {
    Path layout = temp.resolve("multi");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      List<Descriptor> manifests = new ArrayList<>();
      for (String architecture : architectures) {
        manifests.add(imageFor(writer, architecture));
      }
      Descriptor attestation =
          manifests.get(0).withPlatform(new Platform("unknown", "unknown", null));
      manifests.add(attestation);
      writer.tag(writer.writeIndex(ImageIndex.oci(manifests, Map.of())), "multi");
      writer.commit();
    }
    return layout;
  }

  private static String architectureOf(ImageSource source) throws Exception {
    return FileViews.walk(source).content("arch");
  }

  @Test
  void requestedPlatformIsSelected() throws Exception {
    Path layout = multiPlatformLayout("amd64", "arm64");

    try (ImageSource source =
        SOURCES.open("oci:" + layout + ":multi", Platform.parse("linux/arm64"))) {
      assertThat(source.image().index()).isNotNull();
      assertThat(source.image().config().architecture()).isEqualTo("arm64");
      assertThat(architectureOf(source)).isEqualTo("arm64");
    }
    JsonNode inspected =
        Json.parse(
            Tools.run("skopeo", "inspect", "--override-arch", "arm64", "oci:" + layout + ":multi"));
    try (ImageSource source =
        SOURCES.open("oci:" + layout + ":multi", Platform.parse("linux/arm64"))) {
      assertThat(inspected.get("Architecture").asText()).isEqualTo("arm64");
      assertThat(inspected.get("Layers").get(0).asText())
          .isEqualTo(source.image().manifest().layers().get(0).digest().toString());
    }
  }

  @Test
  void hostPlatformIsDefault() throws Exception {
    Path layout = multiPlatformLayout("amd64", "arm64");
    String host = PlatformSelector.host().architecture();

    try (ImageSource source = SOURCES.open("oci:" + layout + ":multi", null)) {
      assertThat(architectureOf(source)).isEqualTo(host);
    }
  }

  @Test
  void onlyPlatformIsDefault() throws Exception {
    Path layout = multiPlatformLayout("riscv64");

    try (ImageSource source = SOURCES.open("oci:" + layout + ":multi", null)) {
      assertThat(architectureOf(source)).isEqualTo("riscv64");
    }
  }

  @Test
  void missingPlatformListsAvailable() throws Exception {
    Path layout = multiPlatformLayout("amd64", "arm64");

    assertThatThrownBy(
            () -> SOURCES.open("oci:" + layout + ":multi", Platform.parse("linux/s390x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no manifest for platform linux/s390x")
        .hasMessageContaining("the index has linux/amd64, linux/arm64");
  }

  @Test
  void singleManifestMustMatchRequest() throws Exception {
    Path layout = temp.resolve("single");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.tag(imageFor(writer, "amd64"), "one");
      writer.commit();
    }

    assertThatThrownBy(() -> SOURCES.open("oci:" + layout + ":one", Platform.parse("linux/arm64")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("the image is for linux/amd64, not for the requested linux/arm64");
  }

  @Test
  void registryNeedsClient() {
    assertThatThrownBy(() -> SOURCES.open("localhost:5000/app:1", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "cannot open localhost:5000/app:1: registry references need the registry client");
  }

  @Test
  void registryOpenerIsUsed() throws Exception {
    Path layout = multiPlatformLayout("amd64");
    ImageSources sources =
        new ImageSources(
            (reference, platform) ->
                SOURCES.open("oci:" + layout + ":" + reference.repository(), platform));

    try (ImageSource source = sources.open("localhost:5000/multi:1", null)) {
      assertThat(architectureOf(source)).isEqualTo("amd64");
    }
  }

  @Test
  void rootfsDirectoryIsWalkedWithoutFollowingLinks() throws Exception {
    Path rootfs = temp.resolve("rootfs");
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(rootfs.resolve("etc/os-release"), "ID=debian\n");
    Files.createLink(rootfs.resolve("etc/second-name"), rootfs.resolve("etc/os-release"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "not in the image");
    Files.createSymbolicLink(rootfs.resolve("escape"), outside);

    try (ImageSource source = SOURCES.open("dir:" + rootfs, null)) {
      FileViews.View view = FileViews.walk(source);

      assertThat(view.files())
          .containsOnlyKeys("escape", "etc", "etc/os-release", "etc/second-name");
      assertThat(view.files().get("escape").file().type()).isEqualTo(EntryType.SYMLINK);
      assertThat(view.files().get("escape").file().linkTarget()).isEqualTo(outside.toString());
      assertThat(view.content("etc/os-release")).isEqualTo("ID=debian\n");
      assertThat(view.files().get("etc/second-name").file().type()).isEqualTo(EntryType.HARDLINK);
      assertThat(view.files().get("etc/second-name").file().linkTarget())
          .isEqualTo("etc/os-release");
      assertThatThrownBy(source::image)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("has no manifest or config");
    }
  }

  @Test
  void missingRootfsIsNotFound() {
    assertThatThrownBy(() -> SOURCES.open("dir:" + temp.resolve("none"), null))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no such directory");
  }
}
