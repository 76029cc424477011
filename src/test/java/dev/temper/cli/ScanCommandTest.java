package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.testing.ProcessRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  private static final String MEDIUM = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** One installed package as dpkg-query reports it. */
  private record Installed(String name, String version, String source, String sourceVersion) {}

  private static Map<String, Installed> installedPackages() throws Exception {
    ProcessRun query =
        ProcessRun.run(
                Path.of("/"),
                Map.of(),
                List.of(),
                List.of(
                    "dpkg-query",
                    "-W",
                    "-f",
                    "${Package} ${Version} ${source:Package} ${source:Version}\\n"))
            .requireSuccess();
    Map<String, Installed> packages = new HashMap<>();
    for (String line : query.stdout().split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length == 4) {
        packages.put(fields[0], new Installed(fields[0], fields[1], fields[2], fields[3]));
      }
    }
    return packages;
  }

  private static ObjectNode osv(String id, String alias, String ecosystem, String name) {
    ObjectNode record = JSON.createObjectNode();
    record.put("id", id);
    record.put("modified", "2024-04-08T00:00:00Z");
    record.putArray("aliases").add(alias);
    ObjectNode affected = record.putArray("affected").addObject();
    affected.putObject("package").put("ecosystem", ecosystem).put("name", name);
    return record;
  }

  private static void range(ObjectNode record, String introduced, String fixed) {
    ObjectNode range =
        ((ObjectNode) record.get("affected").get(0))
            .putArray("ranges")
            .addObject()
            .put("type", "ECOSYSTEM");
    range.putArray("events").addObject().put("introduced", introduced);
    if (fixed != null) {
      range.withArray("events").addObject().put("fixed", fixed);
    }
  }

  private static void cvss(ObjectNode record, String vector) {
    record.putArray("severity").addObject().put("type", "CVSS_V3").put("score", vector);
  }

  private Path importDatabase(Path... files) {
    Path db = dir.resolve("advisories.db");
    List<String> args = new ArrayList<>(List.of("db", "import", "--db", db.toString()));
    for (Path file : files) {
      args.add(file.toString());
    }
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    return db;
  }

  private static List<JsonNode> findings(String report, String id) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode finding : JSON.readTree(report).get("findings")) {
      if (finding.toString().contains(id)) {
        found.add(finding);
      }
    }
    return found;
  }

  @Test
  void scanOfHostRootFindsFixtures() throws Exception {
    Map<String, Installed> installed = installedPackages();
    Installed libc = installed.get("libc6");
    Installed libssl = installed.get("libssl3");
    assertThat(libc).as("libc6 installed").isNotNull();
    assertThat(libssl).as("libssl3 installed").isNotNull();

    // An OSV record that affects the installed OpenSSL, with no fix yet.
    ObjectNode openssl = osv("DEBIAN-CVE-2024-2511", "CVE-2024-2511", "Debian:12", libssl.source());
    range(openssl, "0", null);
    cvss(openssl, CRITICAL);
    Path osvFile = dir.resolve("openssl.json");
    JSON.writeValue(osvFile.toFile(), openssl);

    // A tracker entry for glibc fixed in a version above the installed one.
    String fixed = libc.sourceVersion() + "+1";
    ObjectNode tracker = JSON.createObjectNode();
    ObjectNode release =
        tracker
            .putObject(libc.source())
            .putObject("CVE-2023-4911")
            .put("description", "buffer overflow in ld.so's GLIBC_TUNABLES handling")
            .putObject("releases")
            .putObject("bookworm");
    release.put("status", "resolved").put("fixed_version", fixed).put("urgency", "high");
    release.putObject("repositories").put("bookworm", libc.sourceVersion());
    Path trackerFile = dir.resolve("tracker.json");
    JSON.writeValue(trackerFile.toFile(), tracker);
    Path db = importDatabase(osvFile, trackerFile);

    int code = run("scan", "dir:/", "--db", db.toString(), "--format", "json", "--fail-on", "high");

    assertThat(code).as(err.toString()).isEqualTo(1);
    String report = out.toString();
    assertThat(JSON.readTree(report).get("release").get("versionId").asText()).isEqualTo("12");
    assertThat(JSON.readTree(report).get("database").get(0).has("ageDays")).isTrue();
    List<JsonNode> glibc = findings(report, "CVE-2023-4911");
    assertThat(glibc).isNotEmpty();
    assertThat(glibc.toString()).contains(fixed).contains("\"libc6\"");
    assertThat(findings(report, "CVE-2024-2511").toString()).contains("\"libssl3\"");
    assertThat(err.toString()).contains("temper: policy failed").contains("days ago");
  }

  @Test
  void scanWithoutDatabaseExitsThree() {
    Path db = dir.resolve("none/advisories.db");

    int code = run("scan", "dir:/", "--db", db.toString());

    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("advisory database " + db + " not found");
    assertThat(out.toString()).isEmpty();
    assertThat(Files.exists(db)).isFalse();
  }

  private static byte[] jar(String groupId, String artifactId, String version) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(
          new ZipEntry("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties"));
      String properties =
          "groupId=" + groupId + "\nartifactId=" + artifactId + "\nversion=" + version + "\n";
      zip.write(properties.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private Path h2Image(Path layout) throws Exception {
    byte[] layer =
        new TarBuilder()
            .directory("app")
            .file("app/lib/h2-2.1.210.jar", jar("com.h2database", "h2", "2.1.210"), 0644)
            .build();
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor manifest = TestImages.write(writer, List.of(layer));
      writer.tag(manifest, "app");
      writer.commit();
    }
    return layout;
  }

  private Path h2Database() throws Exception {
    ObjectNode ghsa = osv("GHSA-22wj-vf5f-wrvj", "CVE-2022-45868", "Maven", "com.h2database:h2");
    range(ghsa, "0", "2.2.220");
    cvss(ghsa, MEDIUM);
    Path file = dir.resolve("h2.json");
    JSON.writeValue(file.toFile(), ghsa);
    return importDatabase(file);
  }

  @Test
  void scanFindsMavenAdvisoryInLayout() throws Exception {
    Path layout = h2Image(dir.resolve("layout"));
    Path db = h2Database();
    String image = "oci:" + layout + ":app";

    assertThat(run("scan", image, "--db", db.toString(), "--fail-on", "critical"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .containsPattern("medium +CVE-2022-45868 +com\\.h2database:h2 +2\\.1\\.210 +2\\.2\\.220")
        .contains("app/lib/h2-2.1.210.jar")
        .contains("no os-release");

    Path sarif = dir.resolve("report.sarif");
    int code =
        run(
            "scan",
            image,
            "--db",
            db.toString(),
            "--format",
            "sarif",
            "--fail-on",
            "medium",
            "-o",
            sarif.toString());
    assertThat(code).isEqualTo(1);
    assertThat(JSON.readTree(sarif.toFile()).get("version").asText()).isEqualTo("2.1.0");
    assertThat(Files.readString(sarif)).contains("CVE-2022-45868");
    assertThat(err.toString()).contains("temper: policy failed: 1 findings at or above medium");
  }

  @Test
  void scanOfCorruptImageExitsThree() throws Exception {
    Path layout = h2Image(dir.resolve("layout"));
    Path db = h2Database();
    String manifestDigest =
        JSON.readTree(layout.resolve("index.json").toFile())
            .get("manifests")
            .get(0)
            .get("digest")
            .asText();
    JsonNode manifest =
        JSON.readTree(layout.resolve("blobs/sha256/" + manifestDigest.substring(7)).toFile());
    Path layer =
        layout.resolve(
            "blobs/sha256/" + manifest.get("layers").get(0).get("digest").asText().substring(7));
    byte[] bytes = Files.readAllBytes(layer);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(layer, bytes);

    int code = run("scan", "oci:" + layout + ":app", "--db", db.toString(), "--fail-on", "low");

    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).startsWith("temper: ").contains(layer.getFileName().toString());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void rejectsAnUnknownThreshold() {
    assertThat(run("scan", "dir:/", "--fail-on", "severe")).isEqualTo(2);
    assertThat(err.toString()).contains("use low, medium, high or critical");
  }
}
