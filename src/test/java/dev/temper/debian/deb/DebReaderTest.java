package dev.temper.debian.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebReaderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "xz", "zstd", "none"})
  void readsDpkgDebBuild(String compression) throws Exception {
    Path deb = DebFixtures.build(dir, compression, false);

    DebPackage pkg = new DebReader().readAll(deb);

    DebControl control = pkg.control();
    assertThat(control.packageName()).isEqualTo("hello");
    assertThat(control.version()).isEqualTo("1.0-1");
    assertThat(control.architecture()).isEqualTo("all");
    assertThat(control.field("description")).hasValue("greets\na test package");
    assertThat(new String(control.controlFile(), StandardCharsets.UTF_8))
        .isEqualTo(DebFixtures.CONTROL);
    assertThat(control.conffiles()).containsExactly("/etc/hello.conf");
    assertThat(control.maintainerScripts()).containsExactly("postinst");
    Map<String, FileEntry> byPath =
        pkg.entries().stream().collect(Collectors.toMap(FileEntry::path, Function.identity()));
    FileEntry hello = byPath.get("usr/bin/hello");
    assertThat(hello.type()).isEqualTo(EntryType.FILE);
    assertThat(hello.mode()).isEqualTo(0755);
    assertThat(hello.uid()).isZero();
    assertThat(new String(hello.content().open().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(DebFixtures.HELLO);
    assertThat(byPath.get("usr/bin/hi").linkTarget()).isEqualTo("hello");
    assertThat(byPath.get("usr/bin/hello-abs").linkTarget()).isEqualTo("/usr/bin/hello");
    assertThat(byPath.get("usr/share/doc/hello").type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void computesMd5sumsWhenAbsent() throws Exception {
    Path deb = DebFixtures.build(dir, "xz", false);
    String expected = DebFixtures.run(dir.resolve("root-xz"), "md5sum", "usr/bin/hello");

    DebControl control = new DebReader().readAll(deb).control();

    assertThat(control.md5sumsComputed()).isTrue();
    assertThat(control.md5sums().get("usr/bin/hello")).isEqualTo(expected.split(" ")[0]);
    assertThat(control.md5sums())
        .containsOnlyKeys(
            "usr/bin/hello", "etc/hello.conf", "usr/share/doc/hello/changelog.Debian.gz");
  }

  @Test
  void parsesShippedMd5sums() throws Exception {
    Path deb = DebFixtures.build(dir, "gzip", true);
    Path root = dir.resolve("root-gzip");
    String expected = DebFixtures.run(root, "md5sum", "usr/bin/hello").split(" ")[0];

    DebControl control = new DebReader().readAll(deb).control();

    assertThat(control.md5sumsComputed()).isFalse();
    assertThat(control.md5sums()).containsEntry("usr/bin/hello", expected);
    assertThat(control.controlFiles()).contains("control", "md5sums", "conffiles", "postinst");
  }

  @Test
  void visitorReadsOnlyTheChangelog() throws Exception {
    Path deb = DebFixtures.build(dir, "zstd", false);
    List<String> changelogs = new ArrayList<>();
    List<String> seen = new ArrayList<>();

    try (InputStream in = Files.newInputStream(deb)) {
      new DebReader()
          .read(
              in,
              "hello.deb",
              (header, content) -> {
                seen.add(header.path());
                if (header.path().equals("usr/share/doc/hello/changelog.Debian.gz")) {
                  changelogs.add(
                      new String(
                          new GZIPInputStream(content).readAllBytes(), StandardCharsets.UTF_8));
                }
              });
    }

    assertThat(changelogs).containsExactly(DebFixtures.CHANGELOG);
    assertThat(seen).contains("usr/bin/hello", "etc/hello.conf", "usr");
  }
}
