package dev.temper.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarExtractorTest {
  @TempDir Path dir;

  private void extract(byte[] tar, TarPolicy policy, Path root) throws Exception {
    new TarExtractor(policy).extract(new ByteArrayInputStream(tar), "test.tar", root);
  }

  @Test
  void extractsFilesLinksAndModes() throws Exception {
    List<FileEntry> tree =
        List.of(
            FileEntry.file("usr/bin/tool", 0750, Content.of("run\n".getBytes())),
            FileEntry.symlink("usr/bin/alias", "tool"),
            new FileEntry("usr/bin/again", EntryType.HARDLINK, 0750, 0, 0, "usr/bin/tool", null),
            FileEntry.directory("srv", 0700));
    Path layer =
        LayerWriter.write(tree, dir.resolve("l.tar"), LayerOptions.uncompressed(86400)).file();
    Path root = dir.resolve("root");

    extract(Files.readAllBytes(layer), TarPolicy.debianData(), root);

    Path tool = root.resolve("usr/bin/again");
    assertThat(Files.readString(root.resolve("usr/bin/tool"))).isEqualTo("run\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tool)))
        .isEqualTo("rwxr-x---");
    assertThat(Files.isSameFile(tool, root.resolve("usr/bin/tool"))).isTrue();
    assertThat(Files.readSymbolicLink(root.resolve("usr/bin/alias"))).isEqualTo(Path.of("tool"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("srv"))))
        .isEqualTo("rwx------");
    assertThat(Files.getLastModifiedTime(tool).toMillis()).isEqualTo(86_400_000L);
  }

  @Test
  void neverWritesThroughPlantedSymlink() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    byte[] tar =
        new RawTar().symlink("usr/lib", outside.toString()).file("usr/lib/evil", "x").finish();
    Path root = dir.resolve("root");

    assertThatThrownBy(() -> extract(tar, TarPolicy.debianData(), root))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("test.tar: entry 'usr/lib/evil': parent 'usr/lib' is a symlink");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void lenientPolicySkipsEntryUnderSymlink() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    byte[] tar =
        new RawTar()
            .symlink("data", outside.toString())
            .file("data/evil", "x")
            .symlink("self", ".")
            .file("self/loop", "x")
            .file("kept", "ok")
            .finish();
    List<String> reports = new ArrayList<>();
    Path root = dir.resolve("root");

    extract(
        tar,
        TarPolicy.imageLayer((a, entry, problem) -> reports.add(entry + ": " + problem)),
        root);

    assertThat(outside).isEmptyDirectory();
    assertThat(root.resolve("kept")).hasContent("ok");
    assertThat(Files.exists(root.resolve("loop"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(reports)
        .containsExactly(
            "data/evil: parent 'data' is a symlink", "self/loop: parent 'self' is a symlink");
  }

  @Test
  void laterEntryReplacesSymlinkItself() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "original");
    byte[] tar = new RawTar().symlink("f", victim.toString()).file("f", "new").finish();
    Path root = dir.resolve("root");

    extract(tar, TarPolicy.imageLayer(UnsafeEntryListener.IGNORE), root);

    assertThat(victim).hasContent("original");
    assertThat(Files.isSymbolicLink(root.resolve("f"))).isFalse();
    assertThat(root.resolve("f")).hasContent("new");
  }

  @Test
  void rejectsDotDotBeforeWriting() {
    byte[] tar = new RawTar().file("../escape", "x").finish();
    Path root = dir.resolve("root");

    assertThatThrownBy(() -> extract(tar, TarPolicy.debianData(), root))
        .hasMessage("test.tar: entry '../escape': path contains a '..' segment");
    assertThat(dir.resolve("escape")).doesNotExist();
  }
}
