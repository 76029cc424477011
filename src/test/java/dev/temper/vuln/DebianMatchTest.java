package dev.temper.vuln;

import static dev.temper.vuln.Fixtures.affected;
import static dev.temper.vuln.Fixtures.aliases;
import static dev.temper.vuln.Fixtures.osv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianMatchTest {
  private static final Release BOOKWORM = Release.debian("12");

  @TempDir Path temp;
  private AdvisoryStore store;

  @BeforeEach
  void importAdvisories() throws Exception {
    ArrayNode records = Fixtures.JSON.createArrayNode();
    records.add(Fixtures.glibcDsa());

    // The DSA ids from 9001 on are made up; packages, versions and CVE ids are real.
    // lvm2 builds libdevmapper1.02.1, whose own version 2:1.02.185-2 differs from the source's.
    ObjectNode lvm = osv("DSA-9001-1", "2024-01-01T00:00:00Z");
    affected(lvm, "Debian:12", "lvm2", "introduced", "0", "fixed", "2.03.16-2+deb12u1");
    records.add(lvm);

    // shadow carries epoch 1 in bookworm.
    ObjectNode shadow = aliases(osv("DSA-9002-1", "2024-01-01T00:00:00Z"), "CVE-2023-4641");
    affected(shadow, "Debian:12", "shadow", "introduced", "0", "fixed", "1:4.13+dfsg1-1+deb12u1");
    records.add(shadow);

    // openssl's bookworm backport 3.0.15-1~deb12u1 sorts below the unstable upload 3.0.15-1.
    ObjectNode openssl = aliases(osv("DSA-9003-1", "2024-01-01T00:00:00Z"), "CVE-2024-5535");
    affected(openssl, "Debian:12", "openssl", "introduced", "0", "fixed", "3.0.15-1~deb12u1");
    affected(openssl, "Debian:13", "openssl", "introduced", "0", "fixed", "3.0.15-1");
    records.add(openssl);

    // curl fixed in bookworm by a backport below upstream's 8.4.0, which trixie received.
    ObjectNode curl = aliases(osv("DSA-9004-1", "2024-01-01T00:00:00Z"), "CVE-2023-38545");
    affected(curl, "Debian:12", "curl", "introduced", "0", "fixed", "7.88.1-10+deb12u4");
    affected(curl, "Debian:13", "curl", "introduced", "0", "fixed", "8.4.0-1");
    records.add(curl);

    // An advisory limited to one binary of the systemd source.
    ObjectNode systemd = aliases(osv("DSA-9005-1", "2024-01-01T00:00:00Z"), "CVE-2023-7008");
    ObjectNode entry =
        affected(systemd, "Debian:12", "systemd", "introduced", "0", "fixed", "252.22-1~deb12u1");
    entry.putObject("ecosystem_specific").putArray("binaries").add("systemd-resolved");
    records.add(systemd);

    Path file = Fixtures.write(temp.resolve("osv.json"), records);
    store = Fixtures.openStore(temp);
    Fixtures.importAll(store, file);
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    store.close();
  }

  private List<Finding> scan(Component... components) throws Exception {
    return new Scanner(store, Fixtures.CLOCK)
        .scan(List.of(components), BOOKWORM, ScanOptions.defaults())
        .findings();
  }

  @Test
  void glibcBeforeFixMatches() throws Exception {
    List<Finding> findings =
        scan(Component.debian("libc6", "2.36-9+deb12u2", "glibc", "2.36-9+deb12u2", "amd64"));

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.id()).isEqualTo("CVE-2023-4911");
    assertThat(finding.aliases()).containsExactly("DSA-5514-1");
    assertThat(finding.status()).isEqualTo(FixStatus.FIXED);
    assertThat(finding.fixedVersion()).contains("2.36-9+deb12u3");
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.matchedPackage()).isEqualTo("glibc");
  }

  @Test
  void glibcAtOrAfterFixDoesNotMatch() throws Exception {
    assertThat(
            scan(Component.debian("libc6", "2.36-9+deb12u3", "glibc", "2.36-9+deb12u3", "amd64")))
        .isEmpty();
    assertThat(
            scan(Component.debian("libc6", "2.36-9+deb12u10", "glibc", "2.36-9+deb12u10", "amd64")))
        .isEmpty();
  }

  @Test
  void binaryVersionIsNotCompared() throws Exception {
    // With the binary's epoch-2 version the package would look fixed; the source is not.
    List<Finding> affectedFindings =
        scan(Component.debian("libdevmapper1.02.1", "2:1.02.185-2", "lvm2", "2.03.16-2", "amd64"));
    assertThat(affectedFindings).extracting(Finding::id).containsExactly("DSA-9001-1");
    assertThat(affectedFindings.get(0).matchedVersion()).isEqualTo("2.03.16-2");

    // Once the source is fixed, the binary is fixed whatever its own version is.
    assertThat(
            scan(
                Component.debian(
                    "libdevmapper1.02.1",
                    "2:1.02.185-2+deb12u1",
                    "lvm2",
                    "2.03.16-2+deb12u1",
                    "amd64")))
        .isEmpty();
  }

  @Test
  void epochIsCompared() throws Exception {
    assertThat(
            scan(Component.debian("passwd", "1:4.13+dfsg1-1", "shadow", "1:4.13+dfsg1-1", "amd64")))
        .extracting(Finding::id)
        .containsExactly("CVE-2023-4641");
    assertThat(
            scan(
                Component.debian(
                    "passwd",
                    "1:4.13+dfsg1-1+deb12u1",
                    "shadow",
                    "1:4.13+dfsg1-1+deb12u1",
                    "amd64")))
        .isEmpty();
  }

  @Test
  void tildeBackportIsFixed() throws Exception {
    assertThat(
            scan(
                Component.debian(
                    "libssl3", "3.0.15-1~deb12u1", "openssl", "3.0.15-1~deb12u1", "amd64")))
        .isEmpty();
    assertThat(
            scan(
                Component.debian(
                    "libssl3", "3.0.14-1~deb12u2", "openssl", "3.0.14-1~deb12u2", "amd64")))
        .extracting(Finding::fixedVersion)
        .containsExactly(java.util.Optional.of("3.0.15-1~deb12u1"));
  }

  @Test
  void backportBelowUpstreamFixIsFixed() throws Exception {
    assertThat(
            scan(
                Component.debian(
                    "libcurl4", "7.88.1-10+deb12u4", "curl", "7.88.1-10+deb12u4", "amd64")))
        .isEmpty();
  }

  @Test
  void advisoryNamingBinaryMatchesOnlyThatBinary() throws Exception {
    assertThat(
            scan(
                Component.debian(
                    "libsystemd0", "252.19-1~deb12u1", "systemd", "252.19-1~deb12u1", "amd64")))
        .isEmpty();
    assertThat(
            scan(
                Component.debian(
                    "systemd-resolved",
                    "252.19-1~deb12u1",
                    "systemd",
                    "252.19-1~deb12u1",
                    "amd64")))
        .extracting(Finding::id)
        .containsExactly("CVE-2023-7008");
  }

  @Test
  void otherReleaseDoesNotMatch() throws Exception {
    List<Finding> trixie =
        new Scanner(store, Fixtures.CLOCK)
            .scan(
                List.of(
                    Component.debian(
                        "libc6", "2.36-9+deb12u2", "glibc", "2.36-9+deb12u2", "amd64")),
                Release.debian("13"),
                ScanOptions.defaults())
            .findings();
    assertThat(trixie).isEmpty();
  }

  @Test
  void invalidInstalledVersionIsWarnedNotFatal() throws Exception {
    ScanReport report =
        new Scanner(store, Fixtures.CLOCK)
            .scan(
                List.of(Component.debian("libc6", "not a version", "glibc", "", "amd64")),
                BOOKWORM,
                ScanOptions.defaults());
    assertThat(report.findings()).isEmpty();
    assertThat(report.warnings())
        .containsExactly("skipped libc6: invalid version 'not a version': contains whitespace");
  }
}
