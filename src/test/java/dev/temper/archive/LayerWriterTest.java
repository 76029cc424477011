package dev.temper.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {
  private static final long EPOCH = 1_700_000_000L;

  @TempDir Path dir;

  private static List<FileEntry> sampleTree() {
    String longName = "opt/" + "deep-directory-name/".repeat(8) + "file-with-a-long-name.txt";
    return List.of(
        FileEntry.file("usr/bin/tool", 0755, text("#!/bin/true\n")),
        FileEntry.file("etc/passwd", 0644, text("root:x:0:0::/root:/sbin/nologin\n")),
        new FileEntry("home/app", EntryType.DIRECTORY, 0750, 1000, 1000, null, null),
        new FileEntry("home/app/data", EntryType.FILE, 0600, 1000, 1001, null, text("secret\n")),
        FileEntry.symlink("usr/bin/alias", "tool"),
        FileEntry.symlink("etc/localtime", "/usr/share/zoneinfo/Etc/UTC"),
        new FileEntry("usr/bin/tool-link", EntryType.HARDLINK, 0755, 0, 0, "usr/bin/tool", null),
        FileEntry.file(longName, 0644, text("long\n")),
        FileEntry.symlink("opt/long-link", "/" + longName),
        FileEntry.file("usr/share/caf\u00e9.txt", 0644, text("accent\n")),
        FileEntry.file("usr/bin/.wh.removed", 0644, Content.EMPTY));
  }

  private static Content text(String value) {
    return Content.of(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shuffledInputGivesIdenticalBytes() throws Exception {
    List<FileEntry> shuffled = new ArrayList<>(sampleTree());
    Collections.shuffle(shuffled, new Random(7));

    LayerBlob first =
        LayerWriter.write(sampleTree(), dir.resolve("a.tar.gz"), LayerOptions.gzip(EPOCH));
    LayerBlob second =
        LayerWriter.write(shuffled, dir.resolve("b.tar.gz"), LayerOptions.gzip(EPOCH));

    assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.diffId()).isEqualTo(first.diffId());
  }

  @Test
  void digestsMatchSha256sumAndZcat() throws Exception {
    LayerBlob blob =
        LayerWriter.write(sampleTree(), dir.resolve("layer.tar.gz"), LayerOptions.gzip(EPOCH));

    String blobSum = run("sha256sum " + blob.file()).split(" ")[0];
    String tarSum = run("zcat " + blob.file() + " | sha256sum").split(" ")[0];
    assertThat(blob.digest()).isEqualTo(new Digest("sha256", blobSum));
    assertThat(blob.diffId()).isEqualTo(new Digest("sha256", tarSum));
    assertThat(blob.size()).isEqualTo(Files.size(blob.file()));
  }

  @Test
  void gnuTarListsOwnersModesAndTime() throws Exception {
    LayerBlob blob =
        LayerWriter.write(sampleTree(), dir.resolve("layer.tar"), LayerOptions.uncompressed(EPOCH));

    String listing =
        run("TZ=UTC tar --numeric-owner --full-time -tvf " + blob.file()).replaceAll(" +", " ");
    assertThat(listing).contains("drwxr-xr-x 0/0 0 2023-11-14 22:13:20 etc/\n");
    assertThat(listing).contains("drwxr-x--- 1000/1000 0 2023-11-14 22:13:20 home/app/\n");
    assertThat(listing).contains("-rw------- 1000/1001 7 2023-11-14 22:13:20 home/app/data\n");
    assertThat(listing).contains("lrwxrwxrwx 0/0 0 2023-11-14 22:13:20 usr/bin/alias -> tool\n");
    assertThat(listing)
        .contains("hrwxr-xr-x 0/0 0 2023-11-14 22:13:20 usr/bin/tool-link link to usr/bin/tool\n");
    assertThat(blob.diffId()).isEqualTo(Digest.sha256(Files.readAllBytes(blob.file())));
    assertThat(blob.digest()).isEqualTo(blob.diffId());
  }

  @Test
  void paxHeadersCarryOnlyFixedTime() throws Exception {
    LayerBlob blob =
        LayerWriter.write(sampleTree(), dir.resolve("layer.tar"), LayerOptions.uncompressed(EPOCH));
    byte[] tar = Files.readAllBytes(blob.file());

    List<String> paxRecords = new ArrayList<>();
    int paxHeaders = 0;
    for (int offset = 0; offset + 512 <= tar.length; ) {
      if (tar[offset] == 0) {
        break;
      }
      long size =
          Long.parseLong(new String(tar, offset + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
      long mtime =
          Long.parseLong(new String(tar, offset + 136, 11, StandardCharsets.US_ASCII).trim(), 8);
      assertThat(mtime).isEqualTo(EPOCH);
      assertThat(new String(tar, offset + 265, 64, StandardCharsets.US_ASCII))
          .isEqualTo("\0".repeat(64));
      if (tar[offset + 156] == 'x') {
        paxHeaders++;
        paxRecords.add(new String(tar, offset + 512, (int) size, StandardCharsets.UTF_8));
      }
      offset += 512 + (int) ((size + 511) / 512 * 512);
    }

    // Four parent directories, the file under them, the symlink to it and the non-ASCII name.
    assertThat(paxHeaders).isEqualTo(7);
    assertThat(String.join("", paxRecords))
        .contains(" path=", " linkpath=")
        .doesNotContain("atime", "ctime", "mtime");
    assertThat(tar.length % 512).isZero();
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    LayerBlob blob =
        LayerWriter.write(sampleTree(), dir.resolve("layer.tar.zst"), LayerOptions.zstd(EPOCH));

    List<FileEntry> read;
    try (InputStream in = Files.newInputStream(blob.file())) {
      read = new TarReader(TarPolicy.debianData()).readAll(in, "layer");
    }

    assertThat(blob.compression()).isEqualTo(Compression.ZSTD);
    for (FileEntry written : sampleTree()) {
      FileEntry found =
          read.stream().filter(e -> e.path().equals(written.path())).findFirst().orElseThrow();
      assertThat(found.type()).as(written.path()).isEqualTo(written.type());
      assertThat(found.mode()).as(written.path()).isEqualTo(written.mode());
      assertThat(found.uid()).as(written.path()).isEqualTo(written.uid());
      assertThat(found.gid()).as(written.path()).isEqualTo(written.gid());
      assertThat(found.linkTarget()).as(written.path()).isEqualTo(written.linkTarget());
      assertThat(found.content().open().readAllBytes())
          .as(written.path())
          .isEqualTo(written.content().open().readAllBytes());
    }
    String tarSum = run("zstd -dc " + blob.file() + " | sha256sum").split(" ")[0];
    assertThat(blob.diffId()).isEqualTo(new Digest("sha256", tarSum));
    assertThat(blob.uncompressedSize())
        .isEqualTo(Long.parseLong(run("zstd -dc " + blob.file() + " | wc -c").trim()));
  }

  @Test
  void movesContentToFirstHardLinkPath() throws Exception {
    List<FileEntry> tree =
        List.of(
            FileEntry.file("z/original", 0640, text("data")),
            new FileEntry("a/link", EntryType.HARDLINK, 0, 0, 0, "z/original", null),
            new FileEntry("m/chained", EntryType.HARDLINK, 0, 0, 0, "a/link", null));

    LayerBlob blob =
        LayerWriter.write(tree, dir.resolve("l.tar"), LayerOptions.uncompressed(EPOCH));
    List<FileEntry> read;
    try (InputStream in = Files.newInputStream(blob.file())) {
      read = new TarReader(TarPolicy.debianData()).readAll(in, "layer");
    }

    FileEntry first =
        read.stream().filter(e -> e.path().equals("a/link")).findFirst().orElseThrow();
    assertThat(first.type()).isEqualTo(EntryType.FILE);
    assertThat(first.mode()).isEqualTo(0640);
    assertThat(first.content().open().readAllBytes())
        .isEqualTo("data".getBytes(StandardCharsets.UTF_8));
    assertThat(read.stream().filter(e -> e.type() == EntryType.HARDLINK).map(FileEntry::linkTarget))
        .containsExactly("a/link", "a/link");
  }

  @Test
  void rejectsInvalidTrees() {
    FileEntry file = FileEntry.file("etc/x", 0644, text("1"));
    Path target = dir.resolve("bad.tar");

    assertThatThrownBy(() -> LayerWriter.write(List.of(file, file), target, LayerOptions.gzip(0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("layer: duplicate entry 'etc/x'");
    assertThatThrownBy(
            () ->
                LayerWriter.write(
                    List.of(file, FileEntry.file("etc/x/y", 0644, text("2"))),
                    target,
                    LayerOptions.gzip(0)))
        .hasMessage("layer: 'etc/x/y' lies under 'etc/x', which is not a directory");
    assertThatThrownBy(
            () ->
                LayerWriter.write(
                    List.of(new FileEntry("a", EntryType.HARDLINK, 0644, 0, 0, "missing", null)),
                    target,
                    LayerOptions.gzip(0)))
        .hasMessage("layer: hard link 'a' names 'missing', which the layer does not contain");
    assertThat(target).doesNotExist();
  }

  @Test
  void leavesNoFileWhenContentLies() throws Exception {
    Content liar =
        new Content() {
          @Override
          public long size() {
            return 10;
          }

          @Override
          public InputStream open() {
            return new java.io.ByteArrayInputStream(new byte[3]);
          }
        };
    Path target = dir.resolve("out/layer.tar.gz");

    assertThatThrownBy(
            () ->
                LayerWriter.write(
                    List.of(FileEntry.file("f", 0644, liar)), target, LayerOptions.gzip(0)))
        .hasMessage("layer: content of 'f' has 3 bytes but declared 10");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void gzipHeaderIsFixed() throws Exception {
    LayerBlob blob =
        LayerWriter.write(
            sampleTree(), dir.resolve("layer.tar.gz"), LayerOptions.gzip(EPOCH).withLevel(9));
    byte[] bytes = Files.readAllBytes(blob.file());

    assertThat(Arrays.copyOf(bytes, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
    assertThat(run("gzip -t " + blob.file() + " && echo valid")).isEqualTo("valid\n");
  }

  @Test
  void largeOwnerIdsUsePax() throws Exception {
    FileEntry big =
        new FileEntry("srv/data", EntryType.FILE, 0600, 3_000_000, 2_500_000, null, text("x"));

    LayerBlob blob =
        LayerWriter.write(List.of(big), dir.resolve("l.tar"), LayerOptions.uncompressed(EPOCH));

    String listing = run("tar --numeric-owner -tvf " + blob.file());
    assertThat(listing).contains("3000000/2500000");
    List<FileEntry> read;
    try (InputStream in = Files.newInputStream(blob.file())) {
      read = new TarReader(TarPolicy.debianData()).readAll(in, "layer");
    }
    assertThat(read.get(1).uid()).isEqualTo(3_000_000);
    assertThat(read.get(1).gid()).isEqualTo(2_500_000);
  }

  private static String run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor()).as(command + ": " + output).isZero();
    return output;
  }
}
