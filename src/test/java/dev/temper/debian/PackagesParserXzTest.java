package dev.temper.debian;

import static dev.temper.debian.PackagesParserTest.INDEX;
import static dev.temper.debian.PackagesParserTest.ORIGIN;
import static dev.temper.debian.PackagesParserTest.stanza;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class PackagesParserXzTest {
  @TempDir Path dir;

  /** Returns an index of the given number of packages, several MiB for a few thousand. */
  private static String index(int packages) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < packages; i++) {
      text.append(stanza("pkg" + i))
          .append("Description: ")
          .append("x".repeat(1000))
          .append("\n\n");
    }
    return text.toString();
  }

  private static byte[] xz(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options(1))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void parseXzMatchesUncompressedParse() throws Exception {
    String text = index(5_000);
    Path file = Files.write(dir.resolve("Packages.xz"), xz(text));

    List<BinaryPackage> fromXz = PackagesParser.parseXz(file, ORIGIN, INDEX);
    List<BinaryPackage> plain =
        PackagesParser.parse(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ORIGIN, INDEX);

    assertThat(text.length()).as("index spans several read-ahead chunks").isGreaterThan(4 << 20);
    assertThat(fromXz)
        .extracting(BinaryPackage::describe)
        .containsExactlyElementsOf(plain.stream().map(BinaryPackage::describe).toList());
  }

  @Test
  void stanzaErrorKeepsItsMessage() throws Exception {
    byte[] data = xz(stanza("hello").replace("Size: 1234", "Size: x"));

    assertThatThrownBy(() -> PackagesParser.parseXz(new ByteArrayInputStream(data), ORIGIN, INDEX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(INDEX + ": line 1: package hello: invalid Size 'x'");
  }

  @Test
  void earlyErrorStopsTheReadAheadThread() throws Exception {
    String text = "Package: Bad\n\n" + index(5_000);
    byte[] data = xz(text);
    String name = "xz reader for early-error";

    assertThatThrownBy(
            () -> PackagesParser.parseXz(new ByteArrayInputStream(data), ORIGIN, "early-error"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("early-error: line 1: invalid package name 'Bad'");
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals(name)) {
        thread.join(10_000);
        assertThat(thread.isAlive()).as("%s still running", name).isFalse();
      }
    }
  }

  @Test
  void notXzIsInvalidInput() {
    byte[] data = "Package: hello\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> PackagesParser.parseXz(new ByteArrayInputStream(data), ORIGIN, INDEX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(INDEX + ": invalid xz data: Input is not in the XZ format");
  }

  @Test
  void truncatedXzIsInvalidInput() throws Exception {
    byte[] data = xz(index(200));
    byte[] truncated = Arrays.copyOf(data, data.length / 2);

    assertThatThrownBy(
            () -> PackagesParser.parseXz(new ByteArrayInputStream(truncated), ORIGIN, INDEX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(INDEX + ": truncated xz data");
  }

  @Test
  void corruptXzIsInvalidInput() throws Exception {
    byte[] data = xz(index(200));
    data[data.length / 2] ^= 0x55;

    assertThatThrownBy(() -> PackagesParser.parseXz(new ByteArrayInputStream(data), ORIGIN, INDEX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(INDEX + ": invalid xz data: ");
  }
}
