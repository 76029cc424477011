package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.archive.Compression;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.reference.ImageReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad packages and specs: each gets one clear error, and nothing appears at the output path. */
class BuildFailureTest {
  @TempDir Path dir;

  private Path output() {
    return dir.resolve("out");
  }

  private BuildResult build(Path spec) throws Exception {
    BuildOptions options =
        new BuildOptions(
            List.of(ImageReferences.parse("oci:" + output() + ":test")),
            Compression.GZIP,
            OptionalLong.empty(),
            false);
    return LocalArchive.build(dir.resolve("cache")).build(spec, options);
  }

  private Path specWith(String imageFields, DebBuilder... debs) throws Exception {
    LocalArchive archive = new LocalArchive(dir.resolve("archive"));
    archive.add(Fixtures.baseFiles());
    for (DebBuilder deb : debs) {
      archive.add(deb);
    }
    return archive.writeSpec(dir, imageFields);
  }

  private void assertFails(Path spec, String message) {
    assertThatThrownBy(() -> build(spec))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(output()).doesNotExist();
    assertThat(dir).isDirectoryNotContaining("glob:**/.out*");
  }

  @Test
  void dotDotPathRejected() throws Exception {
    Path spec = specWith("", DebBuilder.deb("evil", "1").rawFile("./usr/../../etc/evil", "x"));

    assertFails(spec, "evil_1_amd64.deb data.tar: entry './usr/../../etc/evil': path contains");
  }

  @Test
  void absolutePathRejected() throws Exception {
    Path spec = specWith("", DebBuilder.deb("evil", "1").rawFile("/etc/evil", "x"));

    assertFails(spec, "evil_1_amd64.deb data.tar: entry '/etc/evil': absolute path");
  }

  @Test
  void escapingSymlinkRejected() throws Exception {
    Path spec =
        specWith(
            "", DebBuilder.deb("evil", "1").dir("/usr/lib").symlink("/usr/lib/x", "../../../etc"));

    assertFails(
        spec, "entry './usr/lib/x': symlink target '../../../etc' resolves outside the root");
  }

  @Test
  void escapingHardLinkRejected() throws Exception {
    Path spec =
        specWith(
            "",
            DebBuilder.deb("evil", "1").dir("/usr/bin").hardlink("/usr/bin/x", "../etc/shadow"));

    assertFails(spec, "evil_1_amd64.deb data.tar: entry './usr/bin/x': hard link target");
  }

  @Test
  void conflictingFilesNameBothPackages() throws Exception {
    Path spec =
        specWith(
            "",
            DebBuilder.deb("one", "1").dir("/usr/bin").file("/usr/bin/tool", "one"),
            DebBuilder.deb("two", "1").dir("/bin").file("/bin/tool", "two"));

    assertFails(spec, "/usr/bin/tool (one and two)");
  }

  @Test
  void allowedOverwriteKeepsLaterPackage() throws Exception {
    Path spec =
        specWith(
            "allow-overwrite: [/usr/bin/tool]\n",
            DebBuilder.deb("one", "1").dir("/usr/bin").file("/usr/bin/tool", "one"),
            DebBuilder.deb("two", "1").dir("/usr/bin").file("/usr/bin/tool", "two"));

    build(spec);

    Path bundle = dir.resolve("bundle");
    Fixtures.run("umoci", "unpack", "--image", output() + ":test", bundle.toString());
    assertThat(bundle.resolve("rootfs/usr/bin/tool")).hasContent("two");
  }

  @Test
  void identicalFilesInTwoPackagesAllowed() throws Exception {
    Path spec =
        specWith(
            "",
            DebBuilder.deb("one", "1").dir("/usr/share/x").file("/usr/share/x/same", "same"),
            DebBuilder.deb("two", "1").dir("/usr/share/x").file("/usr/share/x/same", "same"));

    BuildResult result = build(spec);

    assertThat(result.first().packages()).isEqualTo(3);
  }

  @Test
  void packageOtherThanPinnedRejected() throws Exception {
    LocalArchive archive = new LocalArchive(dir.resolve("archive"));
    archive.add(Fixtures.baseFiles());
    Path spec = archive.writeSpec(dir, "");
    // Replace the pinned .deb with another package under the same name and size check passing.
    Path lock = LockFiles.lockPathFor(spec);
    String text =
        Files.readString(lock).replace("\"version\" : \"12.4\"", "\"version\" : \"12.5\"");
    Files.writeString(lock, text);

    assertThatThrownBy(() -> build(spec)).hasMessageContaining("not the package the lock pins");
    assertThat(output()).doesNotExist();
  }

  @Test
  void missingLockNamed() throws Exception {
    Path spec = specWith("");
    Files.delete(LockFiles.lockPathFor(spec));

    assertFails(spec, "no lock found at " + LockFiles.lockPathFor(spec));
  }

  @Test
  void staleLockNamed() throws Exception {
    Path spec = specWith("");
    Files.writeString(
        spec, Files.readString(spec).replace("  - base-files\n", "  - base-files\n  - libc6\n"));

    assertFails(spec, "is stale");
  }

  @Test
  void permissionsOnMissingPathRejected() throws Exception {
    Path spec = specWith("paths:\n  - {path: /usr/bin/none, type: permissions, mode: '0755'}\n");

    assertFails(spec, "paths: /usr/bin/none is not in the image");
  }
}
