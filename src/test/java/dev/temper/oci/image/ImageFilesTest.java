package dev.temper.oci.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import dev.temper.archive.EntryType;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.FileViews;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir Path temp;

  private ImageSource image(List<byte[]> layers) throws Exception {
    return image(layers, TarBuilder::gzip, MediaTypes.OCI_LAYER_GZIP);
  }

  private ImageSource image(List<byte[]> layers, UnaryOperator<byte[]> compress, String mediaType)
      throws Exception {
    Path layout = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      writer.tag(TestImages.write(writer, layers, compress, mediaType), "t");
      writer.commit();
    }
    return ImageSources.localOnly().open("oci:" + layout + ":t", null);
  }

  private static final byte[] BASE =
      new TarBuilder()
          .directory("etc")
          .file("etc/keep", "keep")
          .file("etc/gone", "gone")
          .directory("opt/app")
          .file("opt/app/old.jar", "old")
          .directory("opt/app/lib")
          .file("opt/app/lib/x.so", "x")
          .directory("var/cache")
          .file("var/cache/c", "c")
          .directory("usr/lib")
          .file("usr/lib/child", "under a directory that becomes a symlink")
          .file("shared/base.txt", "base")
          .file("edited", "v1")
          .build();

  private static final byte[] TOP =
      new TarBuilder()
          .file("etc/.wh.gone", "")
          .directory("opt/app")
          .file("opt/app/.wh..wh..opq", "")
          .file("opt/app/new.jar", "new")
          .file("var/.wh.cache", "")
          .symlink("usr/lib", "/lib")
          .file("shared/top.txt", "top")
          .file("edited", "v2")
          .build();

  @Test
  void whiteoutsAndShadowsApply() throws Exception {
    FileViews.View view = FileViews.walk(image(List.of(BASE, TOP)));

    assertThat(view.files())
        .containsOnlyKeys(
            "etc",
            "etc/keep",
            "opt/app",
            "opt/app/new.jar",
            "usr/lib",
            "shared/base.txt",
            "shared/top.txt",
            "edited");
    assertThat(view.content("edited")).isEqualTo("v2");
    assertThat(view.files().get("edited").file().layerIndex()).isEqualTo(1);
    assertThat(view.files().get("etc/keep").file().layerIndex()).isZero();
    assertThat(view.files().get("usr/lib").file().type()).isEqualTo(EntryType.SYMLINK);
    assertThat(view.files().get("usr/lib").file().linkTarget()).isEqualTo("/lib");
    assertThat(view.warnings()).isEmpty();
  }

  @Test
  void entryKnowsLayerDigest() throws Exception {
    ImageSource source = image(List.of(BASE, TOP));
    List<Descriptor> layers = source.image().manifest().layers();

    FileViews.View view = FileViews.walk(source);

    assertThat(view.files().get("etc/keep").file().layerDigest()).isEqualTo(layers.get(0).digest());
    assertThat(view.files().get("opt/app/new.jar").file().layerDigest())
        .isEqualTo(layers.get(1).digest());
  }

  @Test
  void rootOpaqueMarkerHidesLowerLayers() throws Exception {
    byte[] top = new TarBuilder().file(".wh..wh..opq", "").file("only", "1").build();

    assertThat(FileViews.walk(image(List.of(BASE, top))).files()).containsOnlyKeys("only");
  }

  @Test
  void zstdAndUncompressedLayersAreRead() throws Exception {
    assertThat(
            FileViews.walk(image(List.of(BASE, TOP), Zstd::compress, MediaTypes.OCI_LAYER_ZSTD))
                .content("edited"))
        .isEqualTo("v2");
    assertThat(
            FileViews.walk(
                    image(List.of(BASE, TOP), UnaryOperator.identity(), MediaTypes.OCI_LAYER))
                .content("opt/app/new.jar"))
        .isEqualTo("new");
  }

  @Test
  void badEntriesAreReportedAndSkipped() throws Exception {
    byte[] layer =
        new TarBuilder()
            .file("../escape", "x")
            .file("a/../../b", "x")
            .characterDevice("dev/null")
            .hardlink("link", "../outside")
            .file("fine", "ok")
            .file("fine", "second copy")
            .file("dir/.wh.", "")
            .build();

    FileViews.View view = FileViews.walk(image(List.of(layer)));

    assertThat(view.files()).containsOnlyKeys("fine");
    assertThat(view.content("fine")).isEqualTo("ok");
    assertThat(view.warnings())
        .extracting(WalkWarning::problem)
        .containsExactly(
            "'..' segment",
            "'..' segment",
            "character device",
            "hard link target '../outside': '..' segment",
            "duplicate entry in one layer, the first one is kept",
            "whiteout without a name");
    assertThat(view.warnings().get(0).path()).isEqualTo("../escape");
    assertThat(view.warnings().get(0).toString()).contains("skipped entry '../escape'");
  }

  @Test
  void changedLayerByteFailsWithBothDigests() throws Exception {
    ImageSource source = image(List.of(BASE));
    Descriptor layer = source.image().manifest().layers().get(0);
    Path blob = OciLayout.open(temp.resolve("layout")).blobPath(layer.digest());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(blob, bytes);

    assertThatThrownBy(() -> FileViews.walk(source))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("expected " + layer.digest())
        .hasMessageContaining("but got sha256:");
  }

  @Test
  void truncatedGzipIsInvalidLayer() throws Exception {
    byte[] gzip = TarBuilder.gzip(BASE);
    byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);
    Path layout = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor layer = writer.writeBlob(MediaTypes.OCI_LAYER_GZIP, truncated);
      Descriptor config = writer.writeConfig(TestImages.config(List.of(BASE)));
      writer.tag(writer.writeManifest(ImageManifest.oci(config, List.of(layer), null)), "t");
      writer.commit();
    }
    ImageSource source = ImageSources.localOnly().open("oci:" + layout + ":t", null);

    assertThatThrownBy(() -> FileViews.walk(source))
        .isInstanceOf(InvalidInputException.class)
        .isNotInstanceOf(IntegrityException.class)
        .hasMessageContaining("invalid layer")
        .hasMessageContaining("Unexpected end of ZLIB input stream");
  }

  @Test
  void diffIdMismatchIsIntegrityError() throws Exception {
    Path layout = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor layer = writer.writeBlob(MediaTypes.OCI_LAYER_GZIP, TarBuilder.gzip(BASE));
      Descriptor config = writer.writeConfig(TestImages.config(List.of(TOP)));
      writer.tag(writer.writeManifest(ImageManifest.oci(config, List.of(layer), null)), "t");
      writer.commit();
    }
    ImageSource source = ImageSources.localOnly().open("oci:" + layout + ":t", null);

    assertThatThrownBy(() -> FileViews.walk(source))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("diff ID mismatch");
  }

  @Test
  void entryLimitIsEnforced() throws Exception {
    ImageSource source = image(List.of(BASE));

    assertThatThrownBy(
            () ->
                ImageFiles.walk(
                    source,
                    (file, content) -> {},
                    WalkOptions.DEFAULT.withLimits(new WalkLimits(5, 4096, 1 << 20, 100, 0))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than 5 entries");
  }

  @Test
  void expansionRatioIsEnforced() throws Exception {
    byte[] zeros = new byte[4 << 20];
    byte[] layer = new TarBuilder().file("zeros", zeros, 0644).build();
    ImageSource source = image(List.of(layer));

    assertThatThrownBy(
            () ->
                ImageFiles.walk(
                    source,
                    (file, content) -> content.transferTo(java.io.OutputStream.nullOutputStream()),
                    WalkOptions.DEFAULT.withLimits(
                        new WalkLimits(100, 4096, 1L << 40, 50, 1 << 20))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than 50 times its compressed size");
  }

  @Test
  void visitorExceptionPassesUnchanged() throws Exception {
    ImageSource source = image(List.of(BASE));
    java.io.IOException failure = new java.io.IOException("disk full");

    assertThatThrownBy(
            () ->
                ImageFiles.walk(
                    source,
                    (file, content) -> {
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  void manifestListsArtifactConfig() throws Exception {
    Path layout = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor empty = writer.writeBlob(MediaTypes.OCI_EMPTY, "{}".getBytes());
      writer.tag(writer.writeManifest(ImageManifest.oci(empty, List.of(), null)), "t");
      writer.commit();
    }

    assertThatThrownBy(() -> ImageSources.localOnly().open("oci:" + layout + ":t", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not an image config");
  }
}
