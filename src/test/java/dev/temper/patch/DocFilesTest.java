package dev.temper.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.debian.Version;
import dev.temper.debian.changelog.Changelog;
import dev.temper.testing.ProcessRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads documentation entries from packages that dpkg-deb builds. */
class DocFilesTest {
  @TempDir Path dir;

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private Path build(String name, Map<String, String> links, String changelogOwner)
      throws Exception {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("DEBIAN"));
    Files.writeString(
        root.resolve("DEBIAN/control"),
        "Package: "
            + name
            + "\nVersion: 1.0-2\nArchitecture: all\nMaintainer: T <t@t>\n"
            + "Description: test\n");
    Files.createDirectories(root.resolve("usr/share/doc"));
    if (changelogOwner != null) {
      Path doc = Files.createDirectories(root.resolve("usr/share/doc/" + changelogOwner));
      Files.write(
          doc.resolve("changelog.Debian.gz"),
          gzip(
              "foo (1.0-2) bookworm-security; urgency=high\n\n  * Fix CVE-2024-0001.\n\n"
                  + " -- T <t@t>  Mon, 01 Jan 2024 00:00:00 +0000\n\n"
                  + "foo (1.0-1) bookworm; urgency=medium\n\n  * Fix CVE-2023-0001.\n\n"
                  + " -- T <t@t>  Sun, 01 Jan 2023 00:00:00 +0000\n"));
    }
    for (Map.Entry<String, String> link : links.entrySet()) {
      Files.createSymbolicLink(root.resolve(link.getKey()), Path.of(link.getValue()));
    }
    Path deb = dir.resolve(name + ".deb");
    ProcessRun.run(
            dir,
            Map.of(),
            List.of(),
            List.of("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString()))
        .requireSuccess();
    return deb;
  }

  @Test
  void followsADocumentationDirectorySymlinkToAnotherPackage() throws Exception {
    Path deb = build("libfoo1", Map.of("usr/share/doc/libfoo1", "foo-common"), null);

    DocFiles docs = DocFiles.read(deb, "libfoo1.deb");

    assertThat(docs.docDirectory("libfoo1")).contains("foo-common");
    assertThat(docs.changelog("foo-common", false)).isEmpty();
  }

  @Test
  void readsTheChangelogAndItsCvesAboveTheInstalledVersion() throws Exception {
    Path deb = build("foo-common", Map.of(), "foo-common");

    DocFiles docs = DocFiles.read(deb, "foo-common.deb");
    Map.Entry<String, byte[]> file = docs.changelog("foo-common", false).orElseThrow();
    Changelog changelog = Changelog.readGzip(new ByteArrayInputStream(file.getValue()), "x");

    assertThat(file.getKey()).isEqualTo("usr/share/doc/foo-common/changelog.Debian.gz");
    assertThat(changelog.cvesFixedBetween(Version.parse("1.0-1"), Version.parse("1.0-2")))
        .containsExactly("CVE-2024-0001");
  }

  @Test
  void rejectsLinksLeavingTheDocumentation() throws Exception {
    Path deb = build("evil", Map.of("usr/share/doc/evil", "../../../etc"), null);

    DocFiles docs = DocFiles.read(deb, "evil.deb");

    assertThat(docs.docDirectory("evil")).isEmpty();
    assertThat(DocFiles.resolve("usr/share/doc/a/changelog.Debian.gz", "/etc/shadow")).isEmpty();
    assertThat(DocFiles.resolve("usr/share/doc/a", "../../../../../x")).isEmpty();
    assertThat(DocFiles.resolve("usr/share/doc/a", "b")).contains("usr/share/doc/b");
  }
}
