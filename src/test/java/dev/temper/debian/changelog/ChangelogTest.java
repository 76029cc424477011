package dev.temper.debian.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.debian.Version;
import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ChangelogTest {
  private static final String TEXT =
      """
      openssl (3.0.17-1~deb12u3) bookworm-security; urgency=medium

        * Fix CVE-2025-9230 and CVE-2025-9231.
        * Also mentions CVE-2025-9230 again.

       -- Sebastian Andrzej Siewior <sebastian@breakpoint.cc>  Tue, 30 Sep 2025 21:48:24 +0200

      openssl (3.0.17-1~deb12u2) bookworm; urgency=low

        * No security change.

       -- Sebastian Andrzej Siewior <sebastian@breakpoint.cc>  Sat, 02 Aug 2025 10:00:00 +0200

      openssl (1:3.0.11-1~deb12u1) bookworm; urgency=high

        * Epoch entry for CVE-2023-5678.

       -- Someone <someone@example.org>  Mon, 01 Jan 2024 00:00:00 +0000

      openssl (3.0.9-1) unstable; urgency=medium
        * Entry with CVE-2023-2650 and a missing trailer
      """;

  private static Changelog parse(String text) throws Exception {
    return Changelog.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "changelog");
  }

  @Test
  void parsesEntries() throws Exception {
    Changelog changelog = parse(TEXT);

    assertThat(changelog.entries()).hasSize(4);
    ChangelogEntry first = changelog.entries().get(0);
    assertThat(first.source()).isEqualTo("openssl");
    assertThat(first.version()).isEqualTo(Version.parse("3.0.17-1~deb12u3"));
    assertThat(first.distributions()).containsExactly("bookworm-security");
    assertThat(first.urgency()).isEqualTo("medium");
    assertThat(first.cves()).containsExactly("CVE-2025-9230", "CVE-2025-9231");
    assertThat(first.maintainer()).isEqualTo("Sebastian Andrzej Siewior <sebastian@breakpoint.cc>");
    assertThat(first.date()).isEqualTo("Tue, 30 Sep 2025 21:48:24 +0200");
    assertThat(changelog.entries().get(3).maintainer()).isNull();
    assertThat(changelog.entries().get(3).cves()).containsExactly("CVE-2023-2650");
  }

  @Test
  void cvesBetweenVersionsUseDpkgOrder() throws Exception {
    Changelog changelog = parse(TEXT);

    assertThat(
            changelog.cvesFixedBetween(
                Version.parse("3.0.17-1~deb12u2"), Version.parse("3.0.17-1~deb12u3")))
        .containsExactly("CVE-2025-9230", "CVE-2025-9231");
    assertThat(
            changelog.cvesFixedBetween(
                Version.parse("3.0.17-1~deb12u3"), Version.parse("3.0.17-1~deb12u3")))
        .isEmpty();
    // The epoch makes 1:3.0.11 newer than every 3.0.17 entry.
    assertThat(
            changelog.cvesFixedBetween(
                Version.parse("3.0.17-1~deb12u3"), Version.parse("1:3.0.11-1~deb12u1")))
        .containsExactly("CVE-2023-5678");
  }

  @Test
  void hostGlibcChangelogNamesCves() throws Exception {
    Path file = Path.of("/usr/share/doc/libc6/changelog.Debian.gz");
    Changelog changelog;
    try (InputStream in = Files.newInputStream(file)) {
      changelog = Changelog.readGzip(in, file.toString());
    }
    String plain;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      plain = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long headers = plain.lines().filter(l -> l.startsWith("glibc (")).count();
    List<String> all =
        changelog.entries().stream().flatMap(e -> e.cves().stream()).distinct().toList();
    long mentioned =
        java.util.regex.Pattern.compile("CVE-\\d{4}-\\d{4,}")
            .matcher(plain)
            .results()
            .map(r -> r.group())
            .distinct()
            .count();

    assertThat(changelog.entries()).hasSize((int) headers);
    assertThat(changelog.entries()).allMatch(e -> e.source().equals("glibc"));
    assertThat(all).hasSize((int) mentioned);
  }

  @Test
  void oversizedChangelogIsRejected() {
    byte[] big = new byte[(int) Changelog.MAX_BYTES + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> Changelog.read(new ByteArrayInputStream(big), "big"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("big: changelog is larger than the limit");
  }

  @Test
  void notGzipIsRejected() {
    assertThatThrownBy(
            () -> Changelog.readGzip(new ByteArrayInputStream("plain".getBytes()), "x.gz"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("x.gz: not a gzip-compressed changelog");
  }
}
