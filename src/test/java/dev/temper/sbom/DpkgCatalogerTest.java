package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DpkgCatalogerTest {
  private static final String DEP5_HEADER =
      "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
          + "Upstream-Name: demo\n";

  @TempDir Path dir;

  private static void write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static String stanza(String name, String status, String version, String extra) {
    return "Package: "
        + name
        + "\n"
        + (status == null ? "" : "Status: " + status + "\n")
        + "Priority: optional\nArchitecture: amd64\nVersion: "
        + version
        + "\n"
        + extra
        + "Description: demo\n two lines\n";
  }

  @ParameterizedTest(name = "walk in reverse order: {0}")
  @ValueSource(booleans = {false, true})
  void readsInstalledEntriesWithSourceLicensesAndLayers(boolean reverse) throws Exception {
    Path base = dir.resolve("base");
    Path top = dir.resolve("top");
    String status =
        String.join(
            "\n",
            stanza(
                "libssl3",
                "install ok installed",
                "3.0.15-1~deb12u1",
                "Source: openssl\nInstalled-Size: 6000\n"),
            stanza("gone", "deinstall ok config-files", "1.0-1", ""),
            stanza("held", "hold ok installed", "1:2.3+dfsg-4", "Source: heldsrc (1:2.3-4)\n"),
            stanza("halfway", "install ok unpacked", "1.0", ""));
    write(top, "var/lib/dpkg/status", status);
    write(base, "var/lib/dpkg/info/libssl3:amd64.list", "/usr/lib/x86_64-linux-gnu/libssl.so.3\n");
    write(top, "var/lib/dpkg/info/held.list", "/usr/bin/held\n");
    write(
        base,
        "usr/share/doc/libssl3/copyright",
        DEP5_HEADER
            + "License: Apache-2.0\n\nFiles: *\nCopyright: someone\nLicense: Apache-2.0\n\n"
            + "Files: crypto/ec/*\nCopyright: someone else\nLicense: BSD-3-clause or GPL-2+\n\n"
            + "License: GPL-2+\n The text.\n");
    write(top, "usr/share/doc/held/copyright", "This is not machine-readable.\nGPL-2\n");

    Inventory inventory =
        DirectoryLayers.inventory(List.of(base, top), reverse, ArchiveLimits.DEFAULT);

    assertThat(inventory.warnings()).isEmpty();
    assertThat(inventory.debianPackages())
        .extracting(
            DebianPackage::name,
            DebianPackage::version,
            DebianPackage::sourceName,
            DebianPackage::sourceVersion,
            DebianPackage::installedSize,
            DebianPackage::layerIndex)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "held", "1:2.3+dfsg-4", "heldsrc", "1:2.3-4", 0L, 1),
            org.assertj.core.groups.Tuple.tuple(
                "libssl3", "3.0.15-1~deb12u1", "openssl", "3.0.15-1~deb12u1", 6000L, 0));
    DebianPackage libssl = inventory.debianPackages().get(1);
    assertThat(libssl.licenses()).containsExactly("Apache-2.0", "BSD-3-clause or GPL-2+");
    assertThat(libssl.layerDigest()).isEqualTo(DirectoryLayers.layerDigest(0).toString());
    assertThat(SpdxLicenses.expression(libssl.licenses()))
        .isEqualTo("Apache-2.0 AND (BSD-3-Clause OR GPL-2.0-or-later)");
    assertThat(inventory.debianPackages().get(0).licenses()).isEmpty();
  }

  @Test
  void readsDistrolessStatusDirectoryAndSkipsChecksumFiles() throws Exception {
    Path root = dir.resolve("root");
    write(
        root, "var/lib/dpkg/status.d/base-files", stanza("base-files", null, "12.4+deb12u10", ""));
    write(
        root,
        "var/lib/dpkg/status.d/libc6",
        stanza("libc6", "install ok installed", "2.36-9+deb12u10", "Source: glibc\n"));
    write(root, "var/lib/dpkg/status.d/libc6.md5sums", "0123  usr/lib/libc.so.6\n");
    write(root, "usr/share/doc/libc6/copyright", DEP5_HEADER + "\nFiles: *\nLicense: LGPL-2.1+\n");

    Inventory inventory = DirectoryLayers.inventory(List.of(root), false, ArchiveLimits.DEFAULT);

    assertThat(inventory.debianPackages())
        .extracting(DebianPackage::name, DebianPackage::sourceName, DebianPackage::statusFile)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "base-files", "base-files", "var/lib/dpkg/status.d/base-files"),
            org.assertj.core.groups.Tuple.tuple("libc6", "glibc", "var/lib/dpkg/status.d/libc6"));
    assertThat(SpdxLicenses.expression(inventory.debianPackages().get(1).licenses()))
        .isEqualTo("LGPL-2.1-or-later");
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void followsADocDirectorySymlinkToTheSiblingsCopyright() throws Exception {
    Path root = dir.resolve("root");
    write(
        root,
        "var/lib/dpkg/status",
        stanza("libfoo1", "install ok installed", "1.0-1", "Source: foo\n")
            + "\n"
            + stanza("foo", "install ok installed", "1.0-1", ""));
    write(root, "usr/share/doc/foo/copyright", DEP5_HEADER + "\nFiles: *\nLicense: Expat\n");
    Files.createSymbolicLink(root.resolve("usr/share/doc/libfoo1"), Path.of("foo"));

    Inventory inventory = DirectoryLayers.inventory(List.of(root), false, ArchiveLimits.DEFAULT);

    assertThat(inventory.debianPackages())
        .extracting(p -> SpdxLicenses.expression(p.licenses()))
        .containsExactly("MIT", "MIT");
  }

  @Test
  void warnsAboutABadEntryAndKeepsTheOthers() throws Exception {
    Path root = dir.resolve("root");
    write(
        root,
        "var/lib/dpkg/status",
        stanza("good", "install ok installed", "1.0", "")
            + "\n"
            + stanza("bad", "install ok installed", "1.0", "Installed-Size: lots\n")
            + "\n"
            + "Status: install ok installed\nVersion: 1\nArchitecture: all\n");

    Inventory inventory = DirectoryLayers.inventory(List.of(root), false, ArchiveLimits.DEFAULT);

    assertThat(inventory.debianPackages()).extracting(DebianPackage::name).containsExactly("good");
    assertThat(inventory.warnings())
        .containsExactly(
            "var/lib/dpkg/status: line 9: package bad: invalid Installed-Size 'lots', entry skipped",
            "var/lib/dpkg/status: line 18: no Package field, entry skipped");
  }

  @Test
  void corruptStatusFileKeepsEarlierEntries() throws Exception {
    Path root = dir.resolve("root");
    write(
        root,
        "var/lib/dpkg/status",
        stanza("first", "install ok installed", "1.0", "")
            + "\nthis line has no colon\n\n"
            + stanza("second", "install ok installed", "1.0", ""));

    Inventory inventory = DirectoryLayers.inventory(List.of(root), false, ArchiveLimits.DEFAULT);

    assertThat(inventory.debianPackages()).extracting(DebianPackage::name).containsExactly("first");
    assertThat(inventory.warnings())
        .containsExactly(
            "var/lib/dpkg/status: corrupt, packages after this point are missing:"
                + " var/lib/dpkg/status: line 9: expected 'Field: value'");
  }
}
