package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomCommandTest {
  @TempDir Path dir;
  private Path layout;
  private Descriptor manifest;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void image() throws Exception {
    layout = dir.resolve("layout");
    byte[] base =
        new TarBuilder()
            .file(
                "var/lib/dpkg/status",
                "Package: libzstd1\nStatus: install ok installed\nArchitecture: amd64\n"
                    + "Version: 1.5.4+dfsg2-5\nSource: libzstd\n")
            .build();
    byte[] app =
        new TarBuilder()
            .file("../escape", "outside")
            .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .build();
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      manifest = TestImages.write(writer, List.of(base, app));
      writer.tag(manifest, "app");
      writer.commit();
    }
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path layerBlob(int index) throws Exception {
    String manifestJson =
        Files.readString(layout.resolve("blobs/sha256").resolve(manifest.digest().hex()));
    String hex = manifestJson.split("\"layers\"")[1].split("sha256:")[index + 1].substring(0, 64);
    return layout.resolve("blobs/sha256").resolve(hex);
  }

  @Test
  void printsATableAndWarnsAboutAnEscapingPath() {
    int code = run("sbom", "oci:" + layout + ":app", "--format", "table");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Image: oci:" + layout + ":app (" + manifest.digest() + ")")
        .containsPattern("libzstd +1\\.5\\.4\\+dfsg2-5 +libzstd1 +1\\.5\\.4\\+dfsg2-5 +amd64")
        .contains("Total: 1 Debian packages from 1 source packages");
    assertThat(err.toString()).contains("temper: warning: ").contains("../escape");
    assertThat(Files.exists(dir.resolve("escape"))).isFalse();
  }

  @Test
  void writesTheOutputFile() throws Exception {
    Path output = dir.resolve("sbom.spdx.json");

    int code =
        run("sbom", "oci:" + layout + ":app", "--format", "spdx-json", "-o", output.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(output))
        .contains("\"spdxVersion\" : \"SPDX-2.3\"")
        .contains("pkg:deb/debian/libzstd1@1.5.4%2Bdfsg2-5?arch=amd64&distro=debian-12");
  }

  @Test
  void layerDigestMismatchFailsInOneLine() throws Exception {
    Path blob = layerBlob(0);
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length - 9] ^= 1; // inside the gzip trailer's CRC, so only the digest check fails
    Files.write(blob, bytes);

    int code = run("sbom", "oci:" + layout + ":app");

    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip())
        .startsWith("temper: ")
        .contains("mismatch")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void failsWithOneLineOnATruncatedLayer() throws Exception {
    Path blob = layerBlob(1);
    byte[] bytes = Files.readAllBytes(blob);
    Files.write(blob, Arrays.copyOf(bytes, bytes.length / 2));

    int code = run("sbom", "oci:" + layout + ":app");

    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("temper: ").doesNotContain("\tat ");
  }

  @Test
  void rejectsAnUnknownFormat() {
    int code = run("sbom", "oci:" + layout + ":app", "--format", "xml");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown SBOM format 'xml': expected one of cyclonedx-json, spdx-json, table");
  }
}
