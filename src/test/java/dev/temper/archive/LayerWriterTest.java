package dev.temper.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
