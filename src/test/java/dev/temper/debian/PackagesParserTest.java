package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads well-formed Packages indexes; the rejected ones are in {@link PackagesParserErrorTest}. */
class PackagesParserTest {
  static final String INDEX = "test/Packages";
  static final String SHA = "0123456789abcdef".repeat(4);
  static final PackageOrigin ORIGIN =
      new PackageOrigin(URI.create("http://127.0.0.1/debian/"), "stable", "main", "amd64", SHA);

  /** Returns a minimal valid stanza for the package, ending in a newline. */
  static String stanza(String name) {
    return "Package: "
        + name
        + "\nVersion: 2.10-3\nArchitecture: amd64\nFilename: pool/main/h/"
        + name
        + "/"
        + name
        + "_2.10-3_amd64.deb\nSize: 1234\nSHA256: "
        + SHA
        + "\n";
  }

  static List<BinaryPackage> parse(String text) throws IOException, InvalidInputException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return PackagesParser.parse(new ByteArrayInputStream(bytes), ORIGIN, INDEX);
  }

  @Test
  void minimalStanzaIsParsed() throws Exception {
    BinaryPackage hello = parse(stanza("hello")).get(0);

    assertThat(hello.name()).isEqualTo("hello");
    assertThat(hello.version()).isEqualTo(Version.parse("2.10-3"));
    assertThat(hello.architecture()).isEqualTo("amd64");
    assertThat(hello.filename()).isEqualTo("pool/main/h/hello/hello_2.10-3_amd64.deb");
    assertThat(hello.size()).isEqualTo(1234);
    assertThat(hello.sha256()).isEqualTo(SHA);
    assertThat(hello.origin()).isEqualTo(ORIGIN);
    assertThat(hello.multiArch()).isEqualTo(MultiArch.NO);
    assertThat(hello.essential()).isFalse();
    assertThat(hello.sourceName()).isEqualTo("hello");
    assertThat(hello.sourceVersion()).isEqualTo(hello.version());
    assertThat(hello.installedSizeKib()).isZero();
    assertThat(hello.depends()).isEmpty();
  }

  @Test
  void optionalFieldsAreRead() throws Exception {
    String text =
        stanza("libc6")
            + "Multi-Arch: same\nEssential: yes\nPriority: optional\nSection: libs\n"
            + "Installed-Size: 12988\nPre-Depends: libgcc-s1\nProvides: libc6-abi (= 2.36)\n"
            + "Breaks: hurd (<< 1:0.9)\nConflicts: libc6-dev (<< 2.36)\n";

    BinaryPackage libc6 = parse(text).get(0);

    assertThat(libc6.multiArch()).isEqualTo(MultiArch.SAME);
    assertThat(libc6.essential()).isTrue();
    assertThat(libc6.priority()).isEqualTo("optional");
    assertThat(libc6.section()).isEqualTo("libs");
    assertThat(libc6.installedSizeKib()).isEqualTo(12988);
    assertThat(libc6.preDepends()).extracting(Dependency::toString).containsExactly("libgcc-s1");
    assertThat(libc6.provides())
        .extracting(Relation::toString)
        .containsExactly("libc6-abi (= 2.36)");
    assertThat(libc6.breaks()).extracting(Relation::toString).containsExactly("hurd (<< 1:0.9)");
    assertThat(libc6.conflicts())
        .extracting(Relation::toString)
        .containsExactly("libc6-dev (<< 2.36)");
  }

  @Test
  void crlfLineEndsAreRemoved() throws Exception {
    String text = (stanza("hello") + "Depends: libc6 (>= 2.34),\n zlib1g\n").replace("\n", "\r\n");

    BinaryPackage hello = parse(text + "\r\n" + stanza("world").replace("\n", "\r\n")).get(0);

    assertThat(hello.sha256()).isEqualTo(SHA);
    assertThat(hello.filename()).endsWith(".deb");
    assertThat(hello.depends())
        .extracting(Dependency::toString)
        .containsExactly("libc6 (>= 2.34)", "zlib1g");
  }

  @Test
  void continuationLinesJoinTheField() throws Exception {
    String text =
        stanza("hello")
            + "Depends:\n libc6 (>= 2.34),\n\tlibfoo1\n  | libbar1,\n zlib1g\n"
            + "Description: greets\n a long text\n .\n more text\n";

    BinaryPackage hello = parse(text).get(0);

    assertThat(hello.relationFields().depends())
        .isEqualTo("\nlibc6 (>= 2.34),\nlibfoo1\n| libbar1,\nzlib1g");
    assertThat(hello.depends())
        .extracting(Dependency::toString)
        .containsExactly("libc6 (>= 2.34)", "libfoo1 | libbar1", "zlib1g");
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws Exception {
    String text =
        "\n\n# leading comment\n"
            + stanza("hello").replace("Size:", "# inside\nSize:")
            + "\n\n \n\t\n# between\n\n"
            + stanza("world")
            + "\n\n";

    assertThat(parse(text)).extracting(BinaryPackage::name).containsExactly("hello", "world");
  }

  @Test
  void lastStanzaNeedsNoTrailingNewline() throws Exception {
    String text = stanza("hello") + "\n" + stanza("world").stripTrailing();

    List<BinaryPackage> packages = parse(text);

    assertThat(packages).extracting(BinaryPackage::name).containsExactly("hello", "world");
    assertThat(packages.get(1).sha256()).isEqualTo(SHA);
  }

  @Test
  void fieldNamesIgnoreCase() throws Exception {
    String text =
        stanza("hello")
            .replace("Package:", "PACKAGE:")
            .replace("Version:", "version:")
            .replace("SHA256:", "sha256:")
            .replace("Filename:", "FileName:");

    BinaryPackage hello = parse(text + "multi-ARCH: foreign\n").get(0);

    assertThat(hello.name()).isEqualTo("hello");
    assertThat(hello.version().toString()).isEqualTo("2.10-3");
    assertThat(hello.sha256()).isEqualTo(SHA);
    assertThat(hello.multiArch()).isEqualTo(MultiArch.FOREIGN);
  }

  @Test
  void sourceWithVersionSetsBoth() throws Exception {
    BinaryPackage hello = parse(stanza("hello") + "Source: hello-src (2.10-2)\n").get(0);

    assertThat(hello.sourceName()).isEqualTo("hello-src");
    assertThat(hello.sourceVersion()).isEqualTo(Version.parse("2.10-2"));
  }

  @Test
  void sourceWithoutVersionKeepsBinaryVersion() throws Exception {
    BinaryPackage hello = parse(stanza("hello") + "Source: hello-src\n").get(0);

    assertThat(hello.sourceName()).isEqualTo("hello-src");
    assertThat(hello.sourceVersion()).isEqualTo(hello.version());
  }

  @Test
  void emptyIndexHasNoPackages() throws Exception {
    assertThat(parse("")).isEmpty();
    assertThat(parse("\n\n# only a comment\n")).isEmpty();
  }

  @Test
  void badRelationFailsOnFirstUseOnly() throws Exception {
    BinaryPackage hello = parse(stanza("hello") + "Depends: libc6 (>= 2.34\n").get(0);

    assertThatThrownBy(hello::depends)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "hello=2.10-3:amd64: invalid Depends: invalid relation 'libc6 (>= 2.34':"
                + " missing ')' after version '2.34'");
  }
}
