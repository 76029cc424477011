package dev.temper.debian;

import static dev.temper.debian.PackagesParserTest.INDEX;
import static dev.temper.debian.PackagesParserTest.ORIGIN;
import static dev.temper.debian.PackagesParserTest.SHA;
import static dev.temper.debian.PackagesParserTest.parse;
import static dev.temper.debian.PackagesParserTest.stanza;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rejects malformed Packages indexes with a message naming the index and the stanza or line. */
class PackagesParserErrorTest {
  @ParameterizedTest
  @ValueSource(strings = {"Version", "Architecture", "Filename", "Size", "SHA256"})
  void missingRequiredFieldIsNamed(String field) {
    String text = stanza("hello").replaceAll("(?m)^" + field + ":.*\n", "");

    assertRejected(text, INDEX + ": line 1: package hello: missing field " + field);
  }

  @Test
  void missingPackageFieldNamesTheLine() {
    String text = stanza("hello") + "\n" + stanza("world").replace("Package: world\n", "");

    assertRejected(text, INDEX + ": line 8: missing field Package");
  }

  @Test
  void emptyRequiredFieldIsMissing() {
    assertRejected(
        stanza("hello").replace("Size: 1234", "Size:"),
        INDEX + ": line 1: package hello: missing field Size");
  }

  @Test
  void garbageVersionIsRejected() {
    assertRejected(
        stanza("hello").replace("2.10-3\n", "banana\n"),
        INDEX
            + ": line 1: package hello: invalid Version: invalid version 'banana':"
            + " upstream version must start with a digit");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "0123",
        "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"
      })
  void badSha256IsRejected(String digest) {
    assertRejected(
        stanza("hello").replace(SHA, digest),
        INDEX
            + ": line 1: package hello: invalid SHA256 '"
            + digest
            + "': expected 64 lower-case hex digits");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "../x.deb",
        "/etc/passwd",
        "pool/../../x.deb",
        "pool/main/./x.deb",
        "pool//x.deb",
        "pool\\x.deb",
        "pool/main/",
        "pool/\u0001x.deb",
        "..",
      })
  void unsafeFilenameIsRejected(String filename) {
    String text = stanza("hello").replace("pool/main/h/hello/hello_2.10-3_amd64.deb", filename);

    assertRejected(text, INDEX + ": line 1: package hello: unsafe Filename '" + filename + "'");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '#',
      textBlock =
          """
          Size: 12a              # invalid Size '12a'
          Size: -1               # invalid Size '-1'
          Size: 1234567890123456789 # invalid Size '1234567890123456789'
          Installed-Size: 1.5    # invalid Installed-Size '1.5'
          Multi-Arch: sometimes  # unknown Multi-Arch value 'sometimes'
          Architecture: AMD64    # invalid Architecture 'AMD64'
          Source: hello (2.0     # invalid Source 'hello (2.0': expected 'name' or 'name (version)'
          Source: hello (2.0) x  # invalid Source 'hello (2.0) x': expected 'name' or 'name (version)'
          Source: hello (x1)     # invalid Source 'hello (x1)': invalid version 'x1': upstream version must start with a digit
          Source: Hello          # invalid Source 'Hello': invalid name
          Source: (1.0)          # invalid Source '(1.0)': invalid name
          Filename: pool/b.deb   # duplicate field Filename
          """)
  void badFieldValueIsRejected(String line, String problem) {
    String field = line.substring(0, line.indexOf(':') + 1);
    String text = stanza("hello");
    if (!problem.startsWith("duplicate") && text.contains(field)) {
      text = text.replaceAll("(?m)^" + field + ".*\n", "");
    }

    assertRejected(text + line + "\n", INDEX + ": line 1: package hello: " + problem);
  }

  @Test
  void invalidPackageNameIsRejected() {
    assertRejected(
        stanza("hello").replace("Package: hello", "Package: Hello"),
        INDEX + ": line 1: invalid package name 'Hello'");
  }

  @Test
  void errorNamesTheFailingStanza() {
    String text = stanza("hello") + "\n\n" + stanza("world").replace("Size: 1234", "Size: x");

    assertRejected(text, INDEX + ": line 9: package world: invalid Size 'x'");
  }

  @Test
  void continuationBeforeAnyFieldIsRejected() {
    assertRejected(
        " libc6\n" + stanza("hello"),
        INDEX + ": line 1: continuation line without a field before it");
    assertRejected(
        stanza("hello") + "\n\n libc6\n",
        INDEX + ": line 9: continuation line without a field before it");
  }

  @Test
  void lineWithoutColonIsRejected() {
    assertRejected(stanza("hello") + "garbage\n", INDEX + ": line 7: expected 'Field: value'");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"Bad Name: x", "-Foo: x", ": x", "Caf\u00e9: x"})
  void invalidFieldNameIsRejected(String line) {
    String name = line.substring(0, line.indexOf(':'));

    assertRejected(
        stanza("hello") + line + "\n", INDEX + ": line 7: invalid field name '" + name + "'");
  }

  @Test
  void overlongLineFailsAfterReadingOnlyTheLimit() {
    CountingInputStream endless = new CountingInputStream("Package: hello\nDescription: ", 'x');

    assertThatThrownBy(() -> PackagesParser.parse(endless, ORIGIN, INDEX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(INDEX + ": line 2: line longer than 1048576 bytes");
    assertThat(endless.bytesRead()).isLessThanOrEqualTo(Deb822Reader.MAX_LINE_BYTES + (1 << 16));
  }

  @Test
  void overlongFieldValueIsRejected() {
    String folded = " libfoo1,\n".repeat((Deb822Reader.MAX_FIELD_CHARS / 8) + 1);

    assertThatThrownBy(() -> parse(stanza("hello") + "Depends: libc6,\n" + folded))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(INDEX + ": line ")
        .hasMessageEndingWith(": field value longer than 1048576 characters");
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  /** Returns a prefix and then the filler byte forever, counting what the reader consumed. */
  private static final class CountingInputStream extends InputStream {
    private final byte[] prefix;
    private final byte filler;
    private long read;

    CountingInputStream(String prefix, char filler) {
      this.prefix = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      this.filler = (byte) filler;
    }

    @Override
    public int read() {
      byte b = read < prefix.length ? prefix[(int) read] : filler;
      read++;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++) {
        buffer[offset + i] = (byte) read();
      }
      return length;
    }

    long bytesRead() {
      return read;
    }
  }
}
