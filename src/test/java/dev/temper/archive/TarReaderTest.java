package dev.temper.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarReaderTest {
  private static final TarReader STRICT = new TarReader(TarPolicy.debianData());

  @TempDir Path dir;

  private static List<FileEntry> strict(byte[] tar) throws Exception {
    return STRICT.readAll(new ByteArrayInputStream(tar), "test.tar");
  }

  private static List<String> paths(List<FileEntry> entries) {
    return entries.stream().map(FileEntry::path).toList();
  }

  @Test
  void stripsDotSlashAndSkipsRoot() throws Exception {
    byte[] tar = new RawTar().directory("./").directory("./usr/").file("./usr/a", "x").finish();

    assertThat(paths(strict(tar))).containsExactly("usr", "usr/a");
  }

  @Test
  void rejectsDotDotSegment() {
    byte[] tar = new RawTar().file("./usr/../../etc/passwd", "x").finish();

    assertThatThrownBy(() -> strict(tar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("test.tar: entry './usr/../../etc/passwd': path contains a '..' segment");
  }

  @Test
  void rejectsAbsolutePathUnlessAllowed() throws Exception {
    byte[] tar = new RawTar().file("/etc/passwd", "x").finish();

    assertThatThrownBy(() -> strict(tar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("test.tar: entry '/etc/passwd': absolute path");
    List<FileEntry> lenient =
        new TarReader(TarPolicy.imageLayer(UnsafeEntryListener.IGNORE))
            .readAll(new ByteArrayInputStream(tar), "layer");
    assertThat(paths(lenient)).containsExactly("etc/passwd");
  }

  @Test
  void paxAbsolutePathStaysInsideRoot() throws Exception {
    // commons-compress drops the leading '/' of PAX paths before the checks see them.
    byte[] tar = new RawTar().pax(RawTar.paxRecord("path", "/etc/x")).file("ignored", "y").finish();

    assertThat(paths(strict(tar))).containsExactly("etc/x");
  }

  @Test
  void rejectsSymlinkEscapingRoot() {
    byte[] tar = new RawTar().directory("usr/").symlink("usr/evil", "../../etc/shadow").finish();

    assertThatThrownBy(() -> strict(tar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "test.tar: entry 'usr/evil': symlink target '../../etc/shadow' resolves outside the"
                + " root");
  }

  @Test
  void keepsAbsoluteAndInsideSymlinks() throws Exception {
    byte[] tar =
        new RawTar()
            .symlink("usr/lib/x/sh", "../../../bin/sh")
            .symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
            .finish();

    List<FileEntry> entries = strict(tar);

    assertThat(entries.get(0).linkTarget()).isEqualTo("../../../bin/sh");
    assertThat(entries.get(1).linkTarget()).isEqualTo("/usr/share/zoneinfo/UTC");
  }

  @Test
  void rejectsHardLinkToUnknownTarget() {
    byte[] tar = new RawTar().hardLink("usr/passwd", "/etc/passwd").finish();

    assertThatThrownBy(() -> strict(tar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("test.tar: entry 'usr/passwd': hard link target: absolute path");
    byte[] later = new RawTar().hardLink("a", "b").file("b", "x").finish();
    assertThatThrownBy(() -> strict(later))
        .hasMessage("test.tar: entry 'a': hard link to 'b', which is not an earlier entry");
  }

  @Test
  void acceptsHardLinkToEarlierFile() throws Exception {
    byte[] tar = new RawTar().file("./usr/a", "x").hardLink("./usr/b", "./usr/a").finish();

    List<FileEntry> entries = strict(tar);

    assertThat(entries.get(1).type()).isEqualTo(EntryType.HARDLINK);
    assertThat(entries.get(1).linkTarget()).isEqualTo("usr/a");
  }

  @Test
  void rejectsDevicesAndFifos() {
    assertThatThrownBy(() -> strict(new RawTar().header("dev/sda", '4', 0, "").finish()))
        .hasMessage("test.tar: entry 'dev/sda': device node");
    assertThatThrownBy(() -> strict(new RawTar().header("dev/null", '3', 0, "").finish()))
        .hasMessage("test.tar: entry 'dev/null': device node");
    assertThatThrownBy(() -> strict(new RawTar().header("run/pipe", '6', 0, "").finish()))
        .hasMessage("test.tar: entry 'run/pipe': FIFO");
  }

  @Test
  void lenientPolicyReportsAndSkips() throws Exception {
    byte[] tar =
        new RawTar()
            .file("../escape", "x")
            .header("dev/null", '3', 0, "")
            .symlink("bad", "../../x")
            .hardLink("link", "missing")
            .file("ok", "fine")
            .finish();
    List<String> reports = new ArrayList<>();
    TarPolicy policy =
        TarPolicy.imageLayer(
            (archive, entry, problem) -> reports.add(archive + " " + entry + ": " + problem));

    List<FileEntry> entries = new TarReader(policy).readAll(new ByteArrayInputStream(tar), "layer");

    assertThat(paths(entries)).containsExactly("ok");
    assertThat(reports)
        .containsExactly(
            "layer ../escape: path contains a '..' segment",
            "layer dev/null: device node",
            "layer bad: symlink target '../../x' resolves outside the root",
            "layer link: hard link to 'missing', which is not an earlier entry");
  }

  @Test
  void rejectsNulInPaxPath() {
    byte[] tar = new RawTar().pax(RawTar.paxRecord("path", "etc/a\0b")).file("x", "y").finish();

    assertThatThrownBy(() -> strict(tar))
        .hasMessage("test.tar: entry 'etc/a\\x00b': path contains a NUL character");
  }

  @Test
  void rejectsHugeDeclaredSize() {
    byte[] tar = new RawTar().header("big", '0', 64L << 30, "").finish();

    assertThatThrownBy(() -> strict(tar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "test.tar: entry 'big' declares 68719476736 bytes, more than the limit of 4294967296");
  }

  @Test
  void rejectsOversizedPaxHeaderBeforeReadingIt() {
    byte[] tar = new RawTar().header("PaxHeaders/x", 'x', 1L << 30, "").finish();

    assertThatThrownBy(() -> strict(tar))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "test.tar: extended header of 1073741824 bytes exceeds the limit of 1048576 bytes");
  }

  @Test
  void rejectsTruncatedContent() {
    byte[] whole = new RawTar().file("a", new byte[4000]).finish();
    byte[] cut = Arrays.copyOf(whole, 512 + 1000);

    assertThatThrownBy(() -> strict(cut))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("test.tar: ")
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsMissingEndBlocks() {
    byte[] tar = new RawTar().file("a", "x").unfinished();

    assertThatThrownBy(() -> strict(tar))
        .hasMessage("test.tar: truncated, the end-of-archive block is missing");
  }

  @Test
  void rejectsTruncatedGzip() throws Exception {
    byte[] gzip = RawTar.gzip(new RawTar().file("a", new byte[100_000]).finish());
    byte[] cut = Arrays.copyOf(gzip, gzip.length - 10);

    assertThatThrownBy(() -> strict(cut))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("test.tar: ");
  }

  @Test
  void rejectsGzipBomb() throws Exception {
    byte[] bomb = RawTar.gzip(new RawTar().file("zeros", new byte[32 << 20]).finish());
    TarPolicy policy =
        TarPolicy.debianData()
            .withLimits(TarLimits.defaults().withMaxCompressionRatio(100, 1 << 20));

    assertThatThrownBy(
            () ->
                new TarReader(policy)
                    .read(new ByteArrayInputStream(bomb), "bomb.tar.gz", (h, c) -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("bomb.tar.gz: compression ratio exceeds 100 (")
        .hasMessageEndingWith("which suggests a decompression bomb");
  }

  @Test
  void rejectsMoreThanMaxTotalBytes() throws Exception {
    byte[] tar = new RawTar().file("a", new byte[10_000]).finish();
    TarPolicy policy =
        TarPolicy.debianData().withLimits(TarLimits.defaults().withMaxTotalBytes(8192));

    assertThatThrownBy(() -> new TarReader(policy).readAll(new ByteArrayInputStream(tar), "t"))
        .hasMessage("t: decompressed content exceeds the limit of 8192 bytes");
  }

  @Test
  void rejectsTooManyEntriesAndLongPaths() {
    byte[] tar = new RawTar().file("a", "1").file("b", "2").file("c", "3").finish();
    TarPolicy few = TarPolicy.debianData().withLimits(TarLimits.defaults().withMaxEntries(2));
    TarPolicy shortPaths =
        TarPolicy.debianData().withLimits(TarLimits.defaults().withMaxPathLength(2));
    byte[] longName = new RawTar().file("x".repeat(70), "1").finish();

    assertThatThrownBy(() -> new TarReader(few).readAll(new ByteArrayInputStream(tar), "t"))
        .hasMessage("t: more than 2 entries");
    assertThatThrownBy(
            () -> new TarReader(shortPaths).readAll(new ByteArrayInputStream(longName), "t"))
        .hasMessageStartingWith("t: path of 70 characters exceeds the limit of 2: 'xxx");
  }

  @Test
  void rejectsDuplicateEntryWhenStrict() {
    byte[] tar = new RawTar().file("a", "1").file("./a", "2").finish();

    assertThatThrownBy(() -> strict(tar))
        .hasMessage("test.tar: entry './a': duplicate entry for 'a'");
  }

  @Test
  void readsGnuAndPaxLongNames() throws Exception {
    String longName = "usr/" + "a-rather-long-directory-name/".repeat(6) + "file";
    String longTarget = "/opt/" + "target-directory/".repeat(8) + "file";
    for (int mode :
        new int[] {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
        out.setLongFileMode(mode);
        TarArchiveEntry file = new TarArchiveEntry(longName);
        file.setSize(2);
        out.putArchiveEntry(file);
        out.write("hi".getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
        TarArchiveEntry link = new TarArchiveEntry("usr/link", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName(longTarget);
        out.putArchiveEntry(link);
        out.closeArchiveEntry();
      }

      List<FileEntry> entries = strict(bytes.toByteArray());

      assertThat(paths(entries)).containsExactly(longName, "usr/link");
      assertThat(entries.get(1).linkTarget()).isEqualTo(longTarget);
    }
  }

  @Test
  void readsEveryCompressionAlike() throws Exception {
    byte[] tar = new RawTar().directory("etc/").file("etc/hostname", "box\n").finish();
    Path plain = Files.write(dir.resolve("t.tar"), tar);
    for (String tool : new String[] {"gzip", "xz", "zstd", "bzip2"}) {
      Process process =
          new ProcessBuilder(tool, "-c", plain.toString())
              .redirectOutput(dir.resolve("t." + tool).toFile())
              .start();
      assertThat(process.waitFor()).as(tool).isZero();
      byte[] compressed = Files.readAllBytes(dir.resolve("t." + tool));

      List<FileEntry> entries = strict(compressed);

      assertThat(paths(entries)).as(tool).containsExactly("etc", "etc/hostname");
      assertThat(entries.get(1).content().open().readAllBytes())
          .as(tool)
          .isEqualTo("box\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void rejectsUnexpectedCompression() throws Exception {
    byte[] gzip = RawTar.gzip(new RawTar().file("a", "x").finish());

    assertThatThrownBy(
            () ->
                STRICT.read(
                    new ByteArrayInputStream(gzip), "data.tar.xz", Compression.XZ, (h, c) -> {}))
        .hasMessage("data.tar.xz: expected xz data but the content starts like gzip");
  }
}
