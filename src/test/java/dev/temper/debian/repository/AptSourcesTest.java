package dev.temper.debian.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {
  @Test
  void deb822ParagraphsWithCommentsAndSignedBy() {
    String text =
        "Types: deb deb-src\n"
            + "# a comment line\n"
            + "URIs: http://mirror.test/debian\n"
            + "Suites: bookworm bookworm-updates\n"
            + "Components: main contrib\n"
            + "Signed-By: /usr/share/keyrings/test.gpg\n"
            + "\n"
            + "Types: deb-src\n"
            + "URIs: http://mirror.test/source\n"
            + "Suites: bookworm\n"
            + "\n"
            + "Types: deb\n"
            + "Enabled: no\n"
            + "URIs: http://mirror.test/disabled\n"
            + "Suites: bookworm\n";

    List<AptSource> sources = AptSources.parseDeb822(text);

    assertThat(sources).hasSize(1);
    AptSource source = sources.get(0);
    assertThat(source.uri()).isEqualTo(URI.create("http://mirror.test/debian/"));
    assertThat(source.suites()).containsExactly("bookworm", "bookworm-updates");
    assertThat(source.components()).containsExactly("main", "contrib");
    assertThat(source.signedBy()).isEqualTo("/usr/share/keyrings/test.gpg");
  }

  @Test
  void oneLineEntriesWithOptions() {
    String text =
        "deb [arch=amd64 signed-by=/k.gpg] http://mirror.test/debian bookworm main\n"
            + "# deb http://mirror.test/commented bookworm main\n"
            + "deb-src http://mirror.test/debian bookworm main\n"
            + "deb http://mirror.test/security bookworm-security main # trailing\n";

    List<AptSource> sources = AptSources.parseOneLine(text);

    assertThat(sources)
        .extracting(AptSource::uri)
        .containsExactly(
            URI.create("http://mirror.test/debian/"), URI.create("http://mirror.test/security/"));
    assertThat(sources.get(0).signedBy()).isEqualTo("/k.gpg");
    assertThat(sources.get(1).suites()).containsExactly("bookworm-security");
  }

  @Test
  void readsBothFormatsFromDirectory(@TempDir Path etc) throws Exception {
    Files.writeString(etc.resolve("sources.list"), "deb http://a.test/debian bookworm main\n");
    Files.createDirectories(etc.resolve("sources.list.d"));
    Files.writeString(
        etc.resolve("sources.list.d/x.sources"),
        "Types: deb\nURIs: http://b.test/debian-security\nSuites: bookworm-security\n");
    Files.writeString(etc.resolve("sources.list.d/ignored.txt"), "deb http://c.test/ x main\n");

    List<AptSource> sources = AptSources.read(etc);

    assertThat(sources).extracting(s -> s.uri().getHost()).containsExactly("a.test", "b.test");
  }

  @Test
  void mirrorFromEnvironmentBeforeHost() throws Exception {
    List<AptSource> host =
        List.of(
            new AptSource(
                URI.create("http://host.test/debian/"), List.of("bookworm"), List.of(), null));
    MirrorResolver resolver =
        new MirrorResolver(Map.of("TEMPER_DEBIAN_MIRROR", "http://env.test/debian"), host);

    assertThat(resolver.mirrorFor("bookworm")).isEqualTo(URI.create("http://env.test/debian/"));
    assertThat(resolver.mirrorFor("bookworm-security"))
        .isEqualTo(URI.create("http://env.test/debian-security/"));
  }

  @Test
  void mirrorFromHostSources() throws Exception {
    List<AptSource> host =
        List.of(
            new AptSource(
                URI.create("http://host.test/debian/"), List.of("bookworm"), List.of(), null),
            new AptSource(
                URI.create("http://host.test/sec/"),
                List.of("bookworm-security"),
                List.of(),
                "/k.gpg"));
    MirrorResolver resolver = new MirrorResolver(Map.of(), host);

    assertThat(resolver.mirrorFor("bookworm-security"))
        .isEqualTo(URI.create("http://host.test/sec/"));
    assertThat(resolver.hostKeyringFor(URI.create("http://host.test/sec/"), "bookworm-security"))
        .contains("/k.gpg");
  }

  @Test
  void noMirrorIsAnError() {
    MirrorResolver resolver = new MirrorResolver(Map.of(), List.of());

    assertThatThrownBy(() -> resolver.mirrorFor("trixie"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "no Debian mirror known for suite 'trixie': set 'url' for the repository in the"
                + " spec, set TEMPER_DEBIAN_MIRROR, or add the suite to the host's apt sources");
  }

  @Test
  void invalidMirrorVariable() {
    MirrorResolver resolver =
        new MirrorResolver(Map.of("TEMPER_DEBIAN_MIRROR", "ftp://x.test/debian"), List.of());

    assertThatThrownBy(() -> resolver.mirrorFor("bookworm"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "TEMPER_DEBIAN_MIRROR is not a valid URI: 'ftp://x.test/debian': scheme must be"
                + " http, https or file");
  }
}
