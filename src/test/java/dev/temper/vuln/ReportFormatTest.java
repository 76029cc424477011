package dev.temper.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.testing.JsonSchemas;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatTest {
  @TempDir Path temp;
  private AdvisoryStore store;
  private ScanReport report;

  @BeforeEach
  void scan() throws Exception {
    ObjectNode vex = Fixtures.JSON.createObjectNode();
    vex.put("@context", "https://openvex.dev/ns/v0.2.0");
    ObjectNode statement = vex.putArray("statements").addObject();
    statement.putObject("vulnerability").put("name", "CVE-2022-45868");
    statement.putArray("products").addObject().put("@id", "pkg:maven/com.h2database/h2");
    statement.put("status", "not_affected");
    statement.put("justification", "vulnerable_code_not_present");
    Path vexFile = Fixtures.write(temp.resolve("vex.json"), vex);

    store = Fixtures.openStore(temp);
    Fixtures.importAll(
        store,
        Fixtures.write(temp.resolve("dsa.json"), Fixtures.glibcDsa()),
        Fixtures.write(temp.resolve("h2.json"), Fixtures.h2Ghsa()),
        Fixtures.write(temp.resolve("log4j.json"), Fixtures.log4jGhsa()));
    List<Component> components =
        List.of(
            Component.debian("libc6", "2.36-9+deb12u2", "glibc", "2.36-9+deb12u2", "amd64")
                .locatedAt("sha256:" + "cd".repeat(32), "var/lib/dpkg/status"),
            Component.maven("com.h2database", "h2", "2.1.214", "app/lib/h2.jar"),
            Component.maven(
                "org.apache.logging.log4j", "log4j-core", "2.14.1", "app/lib/log4j-core.jar"));
    ScanOptions options =
        new ScanOptions(
            Optional.of(Severity.CRITICAL),
            false,
            List.of(VexDocument.read(vexFile)),
            List.of(),
            ScanOptions.DEFAULT_MAX_DATABASE_AGE);
    report = new Scanner(store, Fixtures.CLOCK).scan(components, Release.debian("12"), options);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private String render(ReportFormat format) throws Exception {
    StringWriter out = new StringWriter();
    format.render(report, "0.1.0-test", out);
    return out.toString();
  }

  @Test
  void sarifValidatesAgainstSchema() throws Exception {
    String sarif = render(ReportFormat.SARIF);

    assertThat(JsonSchemas.sarif(sarif.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEmpty();
    JsonNode results = Fixtures.JSON.readTree(sarif).path("runs").path(0).path("results");
    assertThat(results).hasSize(3);
    assertThat(results.path(0).path("ruleId").asText()).isEqualTo("CVE-2021-44228");
    assertThat(results.path(0).path("level").asText()).isEqualTo("error");
    assertThat(
            results
                .path(0)
                .path("locations")
                .path(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("app/lib/log4j-core.jar");
    assertThat(results.path(2).path("suppressions").path(0).path("kind").asText())
        .isEqualTo("external");
  }

  @Test
  void sarifSchemaRejectsBrokenLog() throws Exception {
    ObjectNode broken = (ObjectNode) Fixtures.JSON.readTree(render(ReportFormat.SARIF));
    broken.put("version", "2.0.0");
    assertThat(
            JsonSchemas.sarif(broken.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isNotEmpty();
  }

  @Test
  void cycloneDxValidatesAgainstSchema() throws Exception {
    String bom = render(ReportFormat.CYCLONEDX);

    assertThat(JsonSchemas.cycloneDx(bom.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEmpty();
    JsonNode root = Fixtures.JSON.readTree(bom);
    assertThat(root.path("vulnerabilities")).hasSize(3);
    JsonNode suppressed = root.path("vulnerabilities").path(2);
    assertThat(suppressed.path("id").asText()).isEqualTo("CVE-2022-45868");
    assertThat(suppressed.path("analysis").path("state").asText()).isEqualTo("not_affected");
    assertThat(root.path("components")).hasSize(3);
    assertThat(render(ReportFormat.CYCLONEDX)).isEqualTo(bom);
  }

  @Test
  void cycloneDxSchemaRejectsBadRating() throws Exception {
    ObjectNode bom = (ObjectNode) Fixtures.JSON.readTree(render(ReportFormat.CYCLONEDX));
    ((ObjectNode) bom.path("vulnerabilities").path(0).path("ratings").path(0))
        .put("severity", "severe");
    assertThat(
            JsonSchemas.cycloneDx(bom.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isNotEmpty();
  }

  @Test
  void jsonListsFindingsSuppressedAndPolicy() throws Exception {
    JsonNode root = Fixtures.JSON.readTree(render(ReportFormat.JSON));

    assertThat(root.path("findings")).hasSize(2);
    JsonNode log4j = root.path("findings").path(0);
    assertThat(log4j.path("id").asText()).isEqualTo("CVE-2021-44228");
    assertThat(log4j.path("aliases").path(0).asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.path("severity").asText()).isEqualTo("critical");
    assertThat(log4j.path("fixedVersion").asText()).isEqualTo("2.15.0");
    assertThat(root.path("suppressed").path(0).path("reason").asText())
        .startsWith("VEX not_affected");
    assertThat(root.path("policy").path("failOn").asText()).isEqualTo("critical");
    assertThat(root.path("policy").path("failed").asBoolean()).isTrue();
    assertThat(root.path("database").path(0).path("records").asLong()).isEqualTo(3);
  }

  @Test
  void tableShowsRowsSuppressionsAndPolicy() throws Exception {
    List<String> lines = render(ReportFormat.TABLE).lines().toList();

    assertThat(lines.get(0))
        .isEqualTo("Advisories: OSV, 3 records, imported 2026-12-04T10:00:00Z (0 days ago)");
    assertThat(lines.get(1)).startsWith("SEVERITY  ID").contains("FIXED IN");
    assertThat(lines.get(2))
        .startsWith("critical  CVE-2021-44228  org.apache.logging.log4j:log4j-core  2.14.1")
        .contains("2.15.0")
        .endsWith("app/lib/log4j-core.jar");
    assertThat(lines.get(3))
        .startsWith("high      CVE-2023-4911")
        .contains("cdcdcdcdcdcd var/lib/dpkg/status");
    assertThat(lines)
        .contains(
            "2 vulnerabilities in 3 components.",
            "Policy failed: CVE-2021-44228 in org.apache.logging.log4j:log4j-core is critical, at"
                + " or above critical");
    assertThat(lines)
        .anyMatch(
            line -> line.startsWith("Suppressed CVE-2022-45868 in com.h2database:h2 2.1.214: VEX"));
  }
}
