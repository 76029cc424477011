package dev.temper.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
  private static final Component LIBC6 =
      Component.debian("libc6", "2.36-9+deb12u2", "glibc", "2.36-9+deb12u2", "amd64")
          .locatedAt("sha256:" + "ab".repeat(32), "var/lib/dpkg/status");
  private static final Component H2 =
      Component.maven("com.h2database", "h2", "2.1.214", "app/lib/h2-2.1.214.jar");

  @TempDir Path temp;
  private AdvisoryStore store;

  @BeforeEach
  void importBothSources() throws Exception {
    ObjectNode tracker = Fixtures.JSON.createObjectNode();
    ObjectNode glibc = tracker.putObject("glibc");
    glibc
        .putObject("CVE-2023-4911")
        .put("description", "Looney Tunables")
        .putObject("releases")
        .set("bookworm", Fixtures.trackerRelease("resolved", "2.36-9+deb12u3", "high"));
    ObjectNode open = Fixtures.trackerRelease("open", null, "low");
    open.put("nodsa", "Minor issue");
    open.put("nodsa_reason", "postponed");
    glibc.putObject("CVE-2023-6780").putObject("releases").set("bookworm", open);
    store = Fixtures.openStore(temp);
    Fixtures.importAll(
        store,
        Fixtures.write(temp.resolve("tracker.json"), tracker),
        Fixtures.write(temp.resolve("dsa.json"), Fixtures.glibcDsa()),
        Fixtures.write(temp.resolve("h2.json"), Fixtures.h2Ghsa()));
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private ScanReport scan(ScanOptions options) throws Exception {
    return new Scanner(store, Fixtures.CLOCK)
        .scan(List.of(LIBC6, H2), Release.debian("12"), options);
  }

  private static ScanOptions options(
      Optional<Severity> failOn,
      boolean onlyFixed,
      List<VexDocument> vex,
      List<IgnoreRule> ignores) {
    return new ScanOptions(failOn, onlyFixed, vex, ignores, Duration.ofDays(7));
  }

  @Test
  void mergesFindingsSharingCve() throws Exception {
    List<Finding> findings = scan(ScanOptions.defaults()).findings();

    assertThat(findings)
        .extracting(Finding::id)
        .containsExactly("CVE-2022-45868", "CVE-2023-4911", "CVE-2023-6780");
    assertThat(findings.get(0).aliases()).containsExactly("GHSA-22wj-vf5f-wrvj");
    Finding looney = findings.get(1);
    assertThat(looney.aliases()).containsExactly("DSA-5514-1");
    assertThat(looney.sources())
        .containsExactlyInAnyOrder(AdvisorySource.OSV, AdvisorySource.DEBIAN_TRACKER);
    assertThat(looney.fixedVersion()).contains("2.36-9+deb12u3");
    assertThat(looney.component().layer()).isEqualTo("sha256:" + "ab".repeat(32));
    assertThat(findings.get(2).status()).isEqualTo(FixStatus.FIX_DEFERRED);
  }

  @Test
  void failOnCountsOnlyFindingsAtOrAboveThreshold() throws Exception {
    assertThat(
            scan(options(Optional.of(Severity.HIGH), false, List.of(), List.of()))
                .policyViolations())
        .extracting(Finding::id)
        .containsExactly("CVE-2022-45868", "CVE-2023-4911");
    assertThat(
            scan(options(Optional.of(Severity.CRITICAL), false, List.of(), List.of()))
                .policyFailed())
        .isFalse();
    assertThat(scan(ScanOptions.defaults()).policyFailed()).isFalse();
  }

  @Test
  void onlyFixedLeavesOutUnfixed() throws Exception {
    ScanReport report = scan(options(Optional.empty(), true, List.of(), List.of()));

    assertThat(report.findings()).extracting(Finding::id).containsExactly("CVE-2023-4911");
    assertThat(report.omittedWithoutFix()).isEqualTo(2);
  }

  @Test
  void vexNotAffectedSuppressesMatchingPurl() throws Exception {
    ObjectNode vex = Fixtures.JSON.createObjectNode();
    vex.put("@context", "https://openvex.dev/ns/v0.2.0");
    vex.put("@id", "https://example.invalid/vex/1");
    vex.put("author", "Platform team");
    vex.put("timestamp", "2026-12-01T00:00:00Z");
    vex.put("version", 1);
    ObjectNode statement = vex.putArray("statements").addObject();
    statement.putObject("vulnerability").put("name", "CVE-2023-4911");
    statement.putArray("products").addObject().put("@id", "pkg:deb/debian/libc6?arch=amd64");
    statement.put("status", "not_affected");
    statement.put("justification", "vulnerable_code_not_in_execute_path");
    ObjectNode other = vex.withArray("statements").addObject();
    other.putObject("vulnerability").put("name", "CVE-2022-45868");
    other.putArray("products").addObject().put("@id", "pkg:maven/com.h2database/h2@2.2.224");
    other.put("status", "not_affected");
    other.put("justification", "component_not_present");
    Path file = Fixtures.write(temp.resolve("vex.json"), vex);

    ScanReport report =
        scan(options(Optional.empty(), false, List.of(VexDocument.read(file)), List.of()));

    assertThat(report.findings())
        .extracting(Finding::id)
        .containsExactly("CVE-2022-45868", "CVE-2023-6780");
    assertThat(report.suppressed()).hasSize(1);
    assertThat(report.suppressed().get(0).finding().id()).isEqualTo("CVE-2023-4911");
    assertThat(report.suppressed().get(0).reason())
        .isEqualTo("VEX not_affected: vulnerable_code_not_in_execute_path (" + file + ")");
  }

  @Test
  void laterAffectedStatementLiftsSuppression() throws Exception {
    ObjectNode vex = Fixtures.JSON.createObjectNode();
    vex.put("@context", "https://openvex.dev/ns/v0.2.0");
    for (String status : List.of("fixed", "affected")) {
      ObjectNode statement = vex.withArray("statements").addObject();
      statement.putObject("vulnerability").put("name", "GHSA-22wj-vf5f-wrvj");
      statement.putArray("products").addObject().put("@id", "pkg:maven/com.h2database/h2@2.1.214");
      statement.put("status", status);
    }
    Path file = Fixtures.write(temp.resolve("vex.json"), vex);

    ScanReport report =
        scan(options(Optional.empty(), false, List.of(VexDocument.read(file)), List.of()));

    assertThat(report.suppressed()).isEmpty();
  }

  @Test
  void ignoreFileSuppressesUntilExpiry() throws Exception {
    Path file =
        Fixtures.writeText(
            temp.resolve("ignore.yaml"),
            "ignore:\n"
                + "  - id: CVE-2022-45868\n"
                + "    reason: the H2 console is disabled\n"
                + "    expires: 2027-01-31\n"
                + "  - id: CVE-2023-6780\n"
                + "    reason: accepted until the point release\n"
                + "    expires: 2026-11-30\n"
                + "    package: glibc\n");
    ScanReport report = scan(options(Optional.empty(), false, List.of(), IgnoreFile.read(file)));

    assertThat(report.suppressed())
        .extracting(s -> s.finding().id())
        .containsExactly("CVE-2022-45868");
    assertThat(report.suppressed().get(0).reason())
        .isEqualTo("ignored until 2027-01-31T00:00:00Z: the H2 console is disabled");
    assertThat(report.findings()).extracting(Finding::id).contains("CVE-2023-6780");
    assertThat(report.warnings())
        .containsExactly(
            "ignore entry for CVE-2023-6780 expired on 2026-11-30T00:00:00Z and no longer"
                + " suppresses it");
  }

  @Test
  void ignoreFileRejectsUnknownKey() throws Exception {
    Path file =
        Fixtures.writeText(
            temp.resolve("ignore.yaml"), "ignore:\n  - id: CVE-1\n    reasn: typo\n");
    assertThatThrownBy(() -> IgnoreFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": ignore entry 0 has an unknown key 'reasn'");
  }

  @Test
  void staleDatabaseIsWarned() throws Exception {
    Clock later = Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(9)), ZoneOffset.UTC);
    ScanReport report =
        new Scanner(store, later).scan(List.of(H2), Release.debian("12"), ScanOptions.defaults());

    assertThat(report.warnings())
        .containsExactly(
            "advisory data from OSV is 9 days old (imported 2026-12-04T10:00:00Z); run 'temper db"
                + " import'",
            "advisory data from Debian security tracker is 9 days old (imported"
                + " 2026-12-04T10:00:00Z); run 'temper db import'");
  }

  @Test
  void emptyDatabaseFailsScan() throws Exception {
    try (AdvisoryStore empty = AdvisoryStore.open(temp.resolve("empty.db"), Fixtures.CLOCK)) {
      assertThatThrownBy(
              () ->
                  new Scanner(empty, Fixtures.CLOCK)
                      .scan(List.of(H2), Release.debian("12"), ScanOptions.defaults()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("has no advisories; run 'temper db import' first");
    }
  }
}
