package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.testing.JsonSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandsTest {
  @TempDir Path dir;
  private String typical;
  private String hardened;

  private static final String STATUS =
      "Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b2\n\n"
          + "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9+deb12u9\n\n"
          + "Package: dpkg\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.21.22\n";

  private static final String OS_RELEASE =
      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n";

  /** An OSV record for libc6 fixed in 2.36-9+deb12u10: the typical fixture has an older one. */
  private static final String ADVISORY =
      "{\"id\":\"DEBIAN-CVE-2025-4802\",\"modified\":\"2025-05-20T00:00:00Z\","
          + "\"aliases\":[\"CVE-2025-4802\"],\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\","
          + "\"name\":\"libc6\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},"
          + "{\"fixed\":\"2.36-9+deb12u10\"}]}]}],\"severity\":[{\"type\":\"CVSS_V3\","
          + "\"score\":\"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H\"}]}";

  @BeforeEach
  void images() throws Exception {
    byte[] typicalLayer =
        new TarBuilder()
            .file("usr/bin/bash", "ELF".getBytes(StandardCharsets.UTF_8), 0755)
            .file("usr/bin/dpkg", "ELF".getBytes(StandardCharsets.UTF_8), 0755)
            .file("usr/bin/passwd", "ELF".getBytes(StandardCharsets.UTF_8), 04755)
            .file("etc/passwd", "root:x:0:0::/root:/bin/bash\n")
            .file("etc/shadow", "root::19000:0:99999:7:::\n")
            .file("var/lib/dpkg/status", STATUS)
            .file("etc/os-release", OS_RELEASE)
            .build();
    byte[] hardenedLayer =
        new TarBuilder()
            .file(
                "etc/passwd",
                "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n")
            .file("etc/shadow", "root:!:1::::::\nnonroot:!:1::::::\n")
            .file(
                "var/lib/dpkg/status.d/libc6",
                "Package: libc6\nArchitecture: amd64\nVersion: 2.36-9+deb12u13\n")
            .file("etc/os-release", OS_RELEASE)
            .build();
    typical = layout("typical", typicalLayer);
    hardened = layout("hardened", hardenedLayer);
  }

  private String layout(String name, byte[] layer) throws Exception {
    Path path = dir.resolve(name);
    try (OciLayoutWriter writer = OciLayoutWriter.open(path)) {
      Descriptor manifest = TestImages.write(writer, List.of(layer));
      writer.tag(manifest, "1");
      writer.commit();
    }
    return "oci:" + path + ":1";
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void auditFailsTypicalImage() {
    Run run = run("audit", typical);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  TA001 No shell in the image", "/usr/bin/bash");
    assertThat(run.out()).contains("FAIL  TA002 No package manager", "/usr/bin/dpkg");
    assertThat(run.out()).contains("FAIL  TA003 No setuid or setgid files [CIS-DI-0008]");
    assertThat(run.out()).contains("FAIL  TA014 No empty passwords");
  }

  @Test
  void auditPassesHardenedImage() {
    Run run = run("audit", hardened);

    assertThat(run.out()).contains("PASS  TA001", "PASS  TA002", "PASS  TA003", "PASS  TA005");
    assertThat(run.code()).as(run.out()).isZero();
  }

  @Test
  void failOnLevelsIgnoreCase() throws Exception {
    Path dockerfile = dir.resolve("Dockerfile");
    Files.writeString(dockerfile, "FROM debian\nRUN apt-get install curl\n");

    Run auditUpper = run("audit", "--fail-on", "WARN", hardened);
    Run auditLower = run("audit", "--fail-on", "warn", hardened);
    Run lintUpper = run("lint", "--fail-on", "WARNING", dockerfile.toString());
    Run lintLower = run("lint", "--fail-on", "warning", dockerfile.toString());

    assertThat(auditUpper.code()).as(auditUpper.err()).isEqualTo(1);
    assertThat(auditLower.code()).isEqualTo(1);
    assertThat(lintLower.code()).as(lintLower.err()).isEqualTo(lintUpper.code());
    assertThat(lintLower.code()).isEqualTo(1);
    assertThat(lintLower.out()).isEqualTo(lintUpper.out());
  }

  @Test
  void auditSarifValidates() throws Exception {
    Run run = run("audit", "--format", "sarif", typical);

    assertThat(run.code()).isEqualTo(1);
    assertThat(JsonSchemas.sarif(run.out().getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(run.out()).contains("\"ruleId\" : \"TA001\"", "\"uri\" : \"usr/bin/bash\"");
  }

  @Test
  void diffShowsPackagesAndShells() {
    Run run = run("diff", typical, hardened);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("packages: 0 added, 2 removed, 1 changed");
    assertThat(run.out())
        .contains(
            "  - bash:amd64 5.2.15-2+b2", "  ~ libc6:amd64 2.36-9+deb12u9 -> 2.36-9+deb12u13");
    assertThat(run.out()).containsPattern("shells\\s+1\\s+0");
    assertThat(run.out()).containsPattern("package managers\\s+1\\s+0");
  }

  @Test
  void diffCountsFindingsFromTheDatabase() throws Exception {
    Path advisory = dir.resolve("libc6.json");
    Files.writeString(advisory, ADVISORY);
    String db = dir.resolve("advisories.db").toString();
    assertThat(run("db", "import", "--db", db, advisory.toString()).code()).isZero();

    Run run = run("diff", "--format", "json", "--db", db, typical, hardened);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"findingsBefore\" : {\n    \"high\" : 1\n  }");
    assertThat(run.out()).contains("\"findingsAfter\" : { }");
  }

  @Test
  void reportWritesPage() throws Exception {
    Path page = dir.resolve("report.html");
    Run run = run("report", typical, hardened, "--html", page.toString());

    assertThat(run.code()).as(run.err()).isZero();
    String html = Files.readString(page);
    assertThat(html).contains("<td class=\"packages\">3</td>", "<td class=\"packages\">1</td>");
    assertThat(html).contains("TA001 No shell in the image");
  }

  @Test
  void manyFilesAndSymlinkLoopStayBounded() throws Exception {
    TarBuilder tar = new TarBuilder();
    for (int i = 0; i < 100_000; i++) {
      tar.file("srv/data/" + (i / 1000) + "/f" + i, "");
    }
    tar.symlink("srv/loop/a", "b").symlink("srv/loop/b", "a").symlink("srv/loop/self", ".");
    String big = layout("big", tar.build());

    Run run = run("audit", "--format", "json", big);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("Exception");
    var matcher = java.util.regex.Pattern.compile("(\\d+) files").matcher(run.out());
    assertThat(matcher.find()).isTrue();
    assertThat(Long.parseLong(matcher.group(1))).isGreaterThanOrEqualTo(100_003);
  }

  @Test
  void corruptImageExitsThree() throws Exception {
    Path blobs = Path.of(typical.substring(4, typical.length() - 2)).resolve("blobs/sha256");
    try (var files = Files.list(blobs)) {
      for (Path blob : files.toList()) {
        byte[] bytes = Files.readAllBytes(blob);
        if (bytes.length > 2 && bytes[0] == 0x1f && (bytes[1] & 0xff) == 0x8b) {
          bytes[bytes.length - 5] ^= 1;
          Files.write(blob, bytes);
        }
      }
    }
    Run run = run("audit", typical);

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("temper: ").doesNotContain("\tat ");
  }
}
