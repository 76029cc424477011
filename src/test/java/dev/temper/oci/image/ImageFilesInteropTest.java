package dev.temper.oci.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.archive.EntryType;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.testing.FileViews;
import dev.temper.oci.testing.Tools;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads layouts that umoci and skopeo wrote, with real whiteouts, and compares with umoci. */
class ImageFilesInteropTest {
  @TempDir Path temp;
  private Path layout;

  /**
   * Builds a four-layer image with umoci: base files, a deleted file (a {@code .wh.} whiteout), an
   * opaque directory and a whiteout of a directory.
   */
  @BeforeEach
  void buildWithUmoci() throws Exception {
    layout = temp.resolve("umoci-layout");
    Tools.run("umoci", "init", "--layout", layout.toString());
    Tools.run("umoci", "new", "--image", layout + ":img");
    Path first = unpack("first");
    write(first, "etc/keep.conf", "keep");
    write(first, "etc/gone.conf", "gone");
    write(first, "opt/app/old.jar", "old");
    write(first, "opt/app/lib/x.so", "x");
    write(first, "usr/bin/tool", "v1");
    write(first, "var/cache/entry", "cached");
    Tools.run("umoci", "repack", "--image", layout + ":img", first.getParent().toString());

    Path second = unpack("second");
    Files.delete(second.resolve("etc/gone.conf"));
    write(second, "usr/bin/tool", "v2");
    Tools.run("umoci", "repack", "--image", layout + ":img", second.getParent().toString());

    // NOTE: umoci 0.4.7+ds-3+b7 (Debian 12) ends "umoci insert" layers without the last entry's
    // padding and the end-of-archive blocks. An empty directory sorted last makes the layer end at
    // a header boundary, which readers accept; insertEndingInFileData shows the other case.
    Path replacement = temp.resolve("replacement");
    write(replacement, "new.jar", "new");
    Files.createDirectories(replacement.resolve("zz-empty"));
    Tools.run(
        "umoci",
        "insert",
        "--image",
        layout + ":img",
        "--opaque",
        replacement.toString(),
        "/opt/app");
    Tools.run("umoci", "insert", "--image", layout + ":img", "--whiteout", "/var/cache");
  }

  private Path unpack(String name) throws Exception {
    Path bundle = temp.resolve(name);
    Tools.run("umoci", "unpack", "--image", layout + ":img", bundle.toString());
    return bundle.resolve("rootfs");
  }

  private static void write(Path root, String path, String content) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void umociLayersHaveRealWhiteouts() throws Exception {
    List<String> names = new ArrayList<>();
    try (ImageSource source = ImageSources.localOnly().open("oci:" + layout + ":img", null)) {
      for (Descriptor layer : source.image().manifest().layers()) {
        try (InputStream blob = source.openBlob(layer);
            TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(blob))) {
          TarArchiveEntry entry;
          while ((entry = tar.getNextEntry()) != null) {
            names.add(entry.getName());
          }
        }
      }
    }

    assertThat(names).anyMatch(name -> name.endsWith("etc/.wh.gone.conf"));
    assertThat(names).anyMatch(name -> name.endsWith("opt/app/.wh..wh..opq"));
    assertThat(names).anyMatch(name -> name.endsWith("var/.wh.cache"));
  }

  @Test
  void umociImageMatchesUmociUnpack() throws Exception {
    FileViews.View view;
    try (ImageSource source = ImageSources.localOnly().open("oci:" + layout + ":img", null)) {
      view = FileViews.walk(source);
    }

    assertThat(view.files()).doesNotContainKeys("etc/gone.conf", "opt/app/old.jar", "var/cache");
    assertThat(view.files().keySet()).noneMatch(path -> path.startsWith("opt/app/lib"));
    assertThat(view.files().keySet()).noneMatch(path -> path.startsWith("var/cache/"));
    assertThat(view.content("opt/app/new.jar")).isEqualTo("new");
    assertThat(view.files().get("opt/app/zz-empty").file().type()).isEqualTo(EntryType.DIRECTORY);
    assertThat(view.content("usr/bin/tool")).isEqualTo("v2");
    assertThat(view.content("etc/keep.conf")).isEqualTo("keep");
    assertThat(view.warnings()).isEmpty();

    Path unpacked = temp.resolve("check");
    Tools.run("umoci", "unpack", "--image", layout + ":img", unpacked.toString());
    assertThat(summary(view)).isEqualTo(summaryOfDirectory(unpacked.resolve("rootfs")));
  }

  @Test
  void skopeoCopyReadsTheSame() throws Exception {
    Path copy = temp.resolve("skopeo-layout");
    Tools.run("skopeo", "copy", "oci:" + layout + ":img", "oci:" + copy + ":copied");
    Path archive = temp.resolve("image.tar");
    Tools.run("skopeo", "copy", "oci:" + layout + ":img", "docker-archive:" + archive + ":app:1");

    FileViews.View original;
    try (ImageSource source = ImageSources.localOnly().open("oci:" + layout + ":img", null)) {
      original = FileViews.walk(source);
    }
    try (ImageSource source = ImageSources.localOnly().open("oci:" + copy + ":copied", null)) {
      assertThat(summary(FileViews.walk(source))).isEqualTo(summary(original));
    }
    try (ImageSource source =
        ImageSources.localOnly().open("docker-archive:" + archive + ":app:1", null)) {
      assertThat(summary(FileViews.walk(source))).isEqualTo(summary(original));
    }
  }

  @Test
  void insertEndingInFileData() throws Exception {
    Path file = temp.resolve("single");
    write(file, "only.txt", "data");
    Tools.run("umoci", "insert", "--image", layout + ":img", file.toString(), "/srv");

    try (ImageSource source = ImageSources.localOnly().open("oci:" + layout + ":img", null)) {
      Descriptor top = source.image().manifest().layers().get(4);

      assertThatThrownBy(() -> FileViews.walk(source))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("layer " + top.digest())
          .hasMessageContaining("invalid layer: Truncated TAR archive");
    }
  }

  /** Returns type and content per path, the parts that all three readers must agree on. */
  private static Map<String, String> summary(FileViews.View view) {
    Map<String, String> summary = new TreeMap<>();
    view.files()
        .forEach(
            (path, seen) ->
                summary.put(
                    path,
                    seen.file().type()
                        + (seen.file().type() == EntryType.FILE ? " " + seen.content() : "")));
    return summary;
  }

  private static Map<String, String> summaryOfDirectory(Path rootfs) throws Exception {
    try (ImageSource source = ImageSources.localOnly().open("dir:" + rootfs, null)) {
      return summary(FileViews.walk(source));
    }
  }
}
