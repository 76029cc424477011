package dev.temper.oci.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.oci.layout.LayoutCopy;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.FileViews;
import dev.temper.oci.testing.Json;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.oci.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveTest {
  private static final byte[] BASE =
      new TarBuilder().directory("etc").file("etc/motd", "hello\n").file("etc/gone", "x").build();
  private static final byte[] TOP =
      new TarBuilder().file("etc/.wh.gone", "").file("app", "binary").build();

  @TempDir Path temp;
  private Path layout;
  private Descriptor manifest;

  @BeforeEach
  void writeLayout() throws Exception {
    layout = temp.resolve("layout");
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      manifest = TestImages.write(writer, List.of(BASE, TOP));
      writer.tag(manifest, "app");
      writer.commit();
    }
  }

  private ImageSource open(String reference) throws Exception {
    return ImageSources.localOnly().open(reference, null);
  }

  private Path writeArchive(String name) throws Exception {
    Path archive = temp.resolve(name);
    try (ImageSource source = open("oci:" + layout + ":app")) {
      DockerArchiveWriter.write(source, archive, List.of("app:1.0"));
    }
    return archive;
  }

  @Test
  void skopeoReadsWrittenArchive() throws Exception {
    Path archive = writeArchive("app.tar");

    JsonNode inspected = Json.parse(Tools.run("skopeo", "inspect", "docker-archive:" + archive));
    List<String> layers = new ArrayList<>();
    inspected.get("Layers").forEach(layer -> layers.add(layer.asText()));
    assertThat(layers)
        .containsExactly(Digest.sha256(BASE).toString(), Digest.sha256(TOP).toString());
    String config =
        Tools.run("skopeo", "inspect", "--raw", "--config", "docker-archive:" + archive);
    Descriptor original;
    try (ImageSource source = open("oci:" + layout + ":app")) {
      original = source.image().manifest().config();
    }
    assertThat(Digest.sha256(config.getBytes(StandardCharsets.UTF_8))).isEqualTo(original.digest());
  }

  @Test
  void skopeoCopiesWrittenArchiveToLayout() throws Exception {
    Path archive = writeArchive("app.tar");
    Path copy = temp.resolve("copy");
    Tools.run("skopeo", "copy", "docker-archive:" + archive, "oci:" + copy + ":copied");

    try (ImageSource source = open("oci:" + copy + ":copied");
        ImageSource original = open("oci:" + layout + ":app")) {
      assertThat(source.image().config().rootfs().diffIds())
          .isEqualTo(original.image().config().rootfs().diffIds());
      assertThat(FileViews.walk(source).files().keySet()).containsExactly("app", "etc", "etc/motd");
    }
  }

  @Test
  void writtenArchiveReadsBack() throws Exception {
    Path archive = writeArchive("app.tar");

    try (ImageSource source = open("docker-archive:" + archive + ":app:1.0")) {
      assertThat(((DockerArchiveSource) source).entry().repoTags()).containsExactly("app:1.0");
      assertThat(source.image().manifest().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
      assertThat(source.image().manifest().layers())
          .extracting(Descriptor::digest)
          .containsExactly(Digest.sha256(BASE), Digest.sha256(TOP));
      FileViews.View view = FileViews.walk(source);
      assertThat(view.files()).containsOnlyKeys("app", "etc", "etc/motd");
      assertThat(view.content("etc/motd")).isEqualTo("hello\n");
    }
  }

  @Test
  void skopeoArchiveCopiesIntoLayout() throws Exception {
    Path archive = temp.resolve("skopeo.tar");
    Tools.run("skopeo", "copy", "oci:" + layout + ":app", "docker-archive:" + archive + ":app:2");
    Path copy = temp.resolve("copy");

    Descriptor copied;
    try (ImageSource source = open("docker-archive:" + archive);
        OciLayoutWriter writer = OciLayoutWriter.open(copy)) {
      copied = LayoutCopy.copy(source, writer, "from-archive");
      writer.commit();
    }

    JsonNode inspected =
        Json.parse(Tools.run("skopeo", "inspect", "oci:" + copy + ":from-archive"));
    assertThat(inspected.get("Digest").asText()).isEqualTo(copied.digest().toString());
    assertThat(inspected.get("Layers").get(1).asText()).isEqualTo(Digest.sha256(TOP).toString());
    try (ImageSource source = open("oci:" + copy + ":from-archive")) {
      assertThat(FileViews.walk(source).content("app")).isEqualTo("binary");
    }
  }

  @Test
  void writingTwiceGivesSameBytes() throws Exception {
    Path first = writeArchive("first.tar");
    Path second = writeArchive("second.tar");

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void skopeoArchiveReadsLikeLayout() throws Exception {
    Path archive = temp.resolve("skopeo.tar");
    Tools.run("skopeo", "copy", "oci:" + layout + ":app", "docker-archive:" + archive + ":app:2");

    try (ImageSource fromArchive = open("docker-archive:" + archive);
        ImageSource fromLayout = open("oci:" + layout + ":app")) {
      assertThat(fromArchive.image().manifest().config().digest())
          .isEqualTo(fromLayout.image().manifest().config().digest());
      assertThat(FileViews.walk(fromArchive).files().keySet())
          .isEqualTo(FileViews.walk(fromLayout).files().keySet());
    }
  }

  @Test
  void corruptLayerFailsWriteAndLeavesNothing() throws Exception {
    Descriptor layer;
    try (ImageSource source = open("oci:" + layout + ":app")) {
      layer = source.image().manifest().layers().get(1);
    }
    Path blob = OciLayout.open(layout).blobPath(layer.digest());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(blob, bytes);
    Path out = temp.resolve("out");
    Files.createDirectory(out);

    try (ImageSource source = open("oci:" + layout + ":app")) {
      assertThatThrownBy(
              () -> DockerArchiveWriter.write(source, out.resolve("app.tar"), List.of("app")))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining(layer.digest().toString());
    }
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void changedConfigMemberIsRejected() throws Exception {
    Path archive = temp.resolve("bad.tar");
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\"}}";
    String name = Digest.sha256("other".getBytes(StandardCharsets.UTF_8)).hex() + ".json";
    Files.write(
        archive,
        new TarBuilder()
            .file(name, config)
            .file("manifest.json", "[{\"Config\":\"" + name + "\",\"Layers\":[]}]")
            .build());

    assertThatThrownBy(() -> open("docker-archive:" + archive))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("expected sha256:" + name.substring(0, 64));
  }

  @Test
  void changedLayerMemberFailsWalk() throws Exception {
    Path archive = temp.resolve("bad.tar");
    byte[] config = OciJson.write(TestImages.config(List.of(BASE)));
    byte[] changed = BASE.clone();
    changed[1024] ^= 1; // the first data byte of etc/motd, after two 512-byte headers
    Files.write(
        archive,
        new TarBuilder()
            .file("config.json", config, 0644)
            .file("layer.tar", changed, 0644)
            .file("manifest.json", "[{\"Config\":\"config.json\",\"Layers\":[\"layer.tar\"]}]")
            .build());

    try (ImageSource source = open("docker-archive:" + archive)) {
      assertThatThrownBy(() -> FileViews.walk(source))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining("layer.tar")
          .hasMessageContaining("expected " + Digest.sha256(BASE))
          .hasMessageContaining("but got " + Digest.sha256(changed));
    }
  }

  @Test
  void longMemberNamesAreIndexed() throws Exception {
    Path archive = temp.resolve("long.tar");
    String directory = "d".repeat(150) + "/";
    byte[] config = OciJson.write(TestImages.config(List.of(BASE)));
    Files.write(
        archive,
        new TarBuilder()
            .file(directory + "config.json", config, 0644)
            .file(directory + "layer.tar", BASE, 0644)
            .file(
                "manifest.json",
                "[{\"Config\":\""
                    + directory
                    + "config.json\",\"Layers\":[\"./"
                    + directory
                    + "layer.tar\"]}]")
            .build());

    try (ImageSource source = open("docker-archive:" + archive)) {
      assertThat(FileViews.walk(source).content("etc/motd")).isEqualTo("hello\n");
    }
  }

  @Test
  void archiveErrors() throws Exception {
    Path twoImages = temp.resolve("two.tar");
    Files.write(
        twoImages,
        new TarBuilder()
            .file(
                "manifest.json",
                "[{\"Config\":\"a.json\",\"RepoTags\":[\"a:1\"]},"
                    + "{\"Config\":\"b.json\",\"RepoTags\":[\"b:1\"]}]")
            .build());
    assertThatThrownBy(() -> open("docker-archive:" + twoImages))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the archive has 2 images")
        .hasMessageContaining("names: a:1, b:1");
    assertThatThrownBy(() -> open("docker-archive:" + twoImages + ":c:1"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no image named c:1");

    Path noManifest = temp.resolve("none.tar");
    Files.write(noManifest, new TarBuilder().file("x", "y").build());
    assertThatThrownBy(() -> open("docker-archive:" + noManifest))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("member manifest.json not found");

    Path compressed = temp.resolve("app.tar.gz");
    Files.write(compressed, TarBuilder.gzip(new TarBuilder().file("x", "y").build()));
    assertThatThrownBy(() -> open("docker-archive:" + compressed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gzip-compressed; decompress it first");

    assertThatThrownBy(() -> open("docker-archive:" + temp.resolve("missing.tar")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no such file");
  }
}
