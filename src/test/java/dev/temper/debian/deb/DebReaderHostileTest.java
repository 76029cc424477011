package dev.temper.debian.deb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.archive.Content;
import dev.temper.archive.FileEntry;
import dev.temper.archive.LayerOptions;
import dev.temper.archive.LayerWriter;
import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebReaderHostileTest {
  @TempDir Path dir;

  private byte[] controlTarGz() throws Exception {
    List<FileEntry> control =
        List.of(
            FileEntry.file(
                "control", 0644, Content.of(DebFixtures.CONTROL.getBytes(StandardCharsets.UTF_8))));
    return Files.readAllBytes(
        LayerWriter.write(control, dir.resolve("control.tar.gz"), LayerOptions.gzip(0)).file());
  }

  /** Returns a gzipped tar with one entry, written by commons-compress as a hostile tool would. */
  private static byte[] dataTarGz(String name, byte type, String linkName, byte[] content)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
      entry.setSize(content.length);
      if (linkName != null) {
        entry.setLinkName(linkName);
      }
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] deb(byte[] control, byte[] data) {
    return new ArWriter()
        .member("debian-binary", "2.0\n")
        .member("control.tar.gz", control)
        .member("data.tar.gz", data)
        .toByteArray();
  }

  private static void read(byte[] deb) throws Exception {
    new DebReader().readAll(new ByteArrayInputStream(deb), "evil.deb");
  }

  @Test
  void rejectsDotDotPath() throws Exception {
    byte[] data = dataTarGz("./../../etc/cron.d/x", TarArchiveEntry.LF_NORMAL, null, new byte[3]);

    assertThatThrownBy(() -> read(deb(controlTarGz(), data)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "evil.deb data.tar.gz: entry './../../etc/cron.d/x': path contains a '..' segment");
  }

  @Test
  void rejectsAbsolutePath() throws Exception {
    byte[] data = dataTarGz("/etc/shadow", TarArchiveEntry.LF_NORMAL, null, new byte[3]);

    assertThatThrownBy(() -> read(deb(controlTarGz(), data)))
        .hasMessage("evil.deb data.tar.gz: entry '/etc/shadow': absolute path");
  }

  @Test
  void rejectsEscapingSymlink() throws Exception {
    byte[] data = dataTarGz("./usr/x", TarArchiveEntry.LF_SYMLINK, "../../../root", new byte[0]);

    assertThatThrownBy(() -> read(deb(controlTarGz(), data)))
        .hasMessage(
            "evil.deb data.tar.gz: entry './usr/x': symlink target '../../../root' resolves outside the root");
  }

  @Test
  void rejectsHardLinkToOutside() throws Exception {
    byte[] data = dataTarGz("./usr/x", TarArchiveEntry.LF_LINK, "../etc/passwd", new byte[0]);

    assertThatThrownBy(() -> read(deb(controlTarGz(), data)))
        .hasMessage(
            "evil.deb data.tar.gz: entry './usr/x': hard link target: path contains a '..' segment");
  }

  @Test
  void rejectsBadArMagic() {
    byte[] deb = "!<arch>X".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> read(deb))
        .hasMessage("evil.deb: not an ar archive (wrong magic bytes)");
  }

  @Test
  void rejectsMissingDataMember() throws Exception {
    byte[] deb =
        new ArWriter()
            .member("debian-binary", "2.0\n")
            .member("control.tar.gz", controlTarGz())
            .toByteArray();

    assertThatThrownBy(() -> read(deb)).hasMessage("evil.deb: missing member data.tar");
  }

  @Test
  void rejectsMissingControlMember() throws Exception {
    byte[] data = dataTarGz("./a", TarArchiveEntry.LF_NORMAL, null, new byte[1]);
    byte[] deb =
        new ArWriter().member("debian-binary", "2.0\n").member("data.tar.gz", data).toByteArray();

    assertThatThrownBy(() -> read(deb))
        .hasMessage("evil.deb: data member comes before the control member");
  }

  @Test
  void rejectsWrongFormatVersion() {
    byte[] deb = new ArWriter().member("debian-binary", "3.0\n").toByteArray();

    assertThatThrownBy(() -> read(deb))
        .hasMessage("evil.deb: unsupported format version '3.0', expected 2.x");
  }

  @Test
  void rejectsUnknownMember() throws Exception {
    byte[] deb =
        new ArWriter()
            .member("debian-binary", "2.0\n")
            .member("_gpgorigin", "ignored")
            .member("control.tar.gz", controlTarGz())
            .member("payload.bin", "x")
            .toByteArray();

    assertThatThrownBy(() -> read(deb)).hasMessage("evil.deb: unexpected member 'payload.bin'");
  }

  @Test
  void rejectsHugeDeclaredMember() throws Exception {
    byte[] deb =
        new ArWriter()
            .member("debian-binary", "2.0\n")
            .member("control.tar.gz", controlTarGz())
            .member("data.tar.gz", 9_999_999_999L, new byte[0])
            .toByteArray();

    assertThatThrownBy(() -> read(deb))
        .hasMessage(
            "evil.deb: member 'data.tar.gz' declares 9999999999 bytes, more than the limit of 8589934592");
  }

  @Test
  void rejectsTruncatedDeb() throws Exception {
    Path built = DebFixtures.build(dir, "xz", false);
    byte[] whole = Files.readAllBytes(built);
    byte[] cut = Arrays.copyOf(whole, whole.length - 100);

    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("evil.deb data.tar.xz: ")
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsGzipBombInData() throws Exception {
    byte[] bomb = dataTarGz("./zeros", TarArchiveEntry.LF_NORMAL, null, new byte[80 << 20]);

    assertThatThrownBy(() -> read(deb(controlTarGz(), bomb)))
        .hasMessageStartingWith("evil.deb data.tar.gz: compression ratio exceeds 250 (");
  }

  @Test
  void rejectsCompressionThatContradictsName() throws Exception {
    byte[] data = dataTarGz("./a", TarArchiveEntry.LF_NORMAL, null, new byte[1]);
    byte[] deb =
        new ArWriter()
            .member("debian-binary", "2.0\n")
            .member("control.tar.gz", controlTarGz())
            .member("data.tar.xz", data)
            .toByteArray();

    assertThatThrownBy(() -> read(deb))
        .hasMessage("evil.deb data.tar.xz: expected xz data but the content starts like gzip");
  }
}
