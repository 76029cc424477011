package dev.temper.vuln;

import static dev.temper.vuln.Fixtures.trackerRelease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerImportTest {
  @TempDir Path temp;

  /**
   * Writes a tracker export with glibc's CVE-2023-4911 and CVE-2024-2961 and two openssl entries.
   */
  private Path export() throws Exception {
    ObjectNode root = Fixtures.JSON.createObjectNode();
    ObjectNode glibc = root.putObject("glibc");
    ObjectNode looney = glibc.putObject("CVE-2023-4911");
    looney.put(
        "description", "A buffer overflow was discovered in the GNU C Library's dynamic loader");
    looney.put("scope", "local");
    ObjectNode looneyReleases = looney.putObject("releases");
    looneyReleases.set("bookworm", trackerRelease("resolved", "2.36-9+deb12u3", "high"));
    looneyReleases.set("bullseye", trackerRelease("resolved", "0", "not yet assigned"));
    looneyReleases.set("sid", trackerRelease("resolved", "2.37-12", "high"));
    ObjectNode iconv = glibc.putObject("CVE-2024-2961");
    iconv.put("description", "The iconv() function in the GNU C Library overflows its buffer");
    iconv
        .putObject("releases")
        .set("bookworm", trackerRelease("resolved", "2.36-9+deb12u6", "high**"));

    ObjectNode openssl = root.putObject("openssl");
    ObjectNode postponed = trackerRelease("open", null, "low");
    postponed.put("nodsa", "Minor issue");
    postponed.put("nodsa_reason", "postponed");
    openssl.putObject("CVE-2024-2511").putObject("releases").set("bookworm", postponed);
    ObjectNode ignored = trackerRelease("open", null, "unimportant");
    ignored.put("nodsa", "Minor issue");
    ignored.put("nodsa_reason", "ignored");
    openssl.putObject("CVE-2023-6129").putObject("releases").set("bookworm", ignored);
    ObjectNode plainOpen = trackerRelease("undetermined", null, "not yet assigned");
    openssl.putObject("CVE-2025-9230").putObject("releases").set("trixie", plainOpen);
    return Fixtures.write(temp.resolve("tracker.json"), root);
  }

  @Test
  void mapsResolvedToFixedVersion() throws Exception {
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, export());

      assertThat(report.problemCount()).isZero();
      List<StoredEntry> bookworm = store.lookup(Ecosystem.DEBIAN, "12", "glibc");
      assertThat(bookworm)
          .extracting(StoredEntry::advisoryId)
          .containsExactly("CVE-2023-4911", "CVE-2024-2961");
      assertThat(bookworm.get(0).affected().singleFixedVersion()).contains("2.36-9+deb12u3");
      assertThat(bookworm.get(0).affected().severity()).isEqualTo(Severity.HIGH);
      assertThat(bookworm.get(1).affected().severity()).isEqualTo(Severity.HIGH);
      assertThat(bookworm.get(0).source()).isEqualTo(AdvisorySource.DEBIAN_TRACKER);
      assertThat(store.lookup(Ecosystem.DEBIAN, "sid", "glibc")).hasSize(1);
    }
  }

  @Test
  void fixedVersionZeroMeansNotAffected() throws Exception {
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, export());

      assertThat(store.lookup(Ecosystem.DEBIAN, "11", "glibc")).isEmpty();
    }
  }

  @Test
  void mapsNodsaReasonsAndUrgency() throws Exception {
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, export());

      List<StoredEntry> openssl = store.lookup(Ecosystem.DEBIAN, "12", "openssl");
      assertThat(openssl).hasSize(2);
      StoredEntry ignored = openssl.get(0);
      assertThat(ignored.advisoryId()).isEqualTo("CVE-2023-6129");
      assertThat(ignored.affected().unfixedStatus()).isEqualTo(FixStatus.WILL_NOT_FIX);
      assertThat(ignored.affected().severity()).isEqualTo(Severity.NEGLIGIBLE);
      assertThat(ignored.affected().singleFixedVersion()).isEmpty();
      StoredEntry postponed = openssl.get(1);
      assertThat(postponed.affected().unfixedStatus()).isEqualTo(FixStatus.FIX_DEFERRED);
      assertThat(postponed.affected().severity()).isEqualTo(Severity.LOW);

      StoredEntry trixie = store.lookup(Ecosystem.DEBIAN, "13", "openssl").get(0);
      assertThat(trixie.affected().unfixedStatus()).isEqualTo(FixStatus.UNFIXED);
      assertThat(trixie.affected().severity()).isEqualTo(Severity.UNKNOWN);
    }
  }

  @Test
  void reimportKeepsOneRecordPerCve() throws Exception {
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Path export = export();
      Fixtures.importAll(store, export);
      Fixtures.importAll(store, export);

      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(2);
      assertThat(store.status().get(0).recordCount()).isEqualTo(5);
    }
  }

  @Test
  void badVersionAndUnknownReleaseAreReported() throws Exception {
    ObjectNode root = Fixtures.JSON.createObjectNode();
    ObjectNode releases = root.putObject("glibc").putObject("CVE-2023-4911").putObject("releases");
    releases.set("bookworm", trackerRelease("resolved", "2.36-9+deb12u3 bad", "high"));
    releases.set("hamm", trackerRelease("resolved", "2.0.7-1", "high"));
    Path file = Fixtures.write(temp.resolve("tracker.json"), root);
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, file);

      assertThat(report.problems())
          .extracting(Object::toString)
          .containsExactly(
              file
                  + ": glibc/CVE-2023-4911: invalid version '2.36-9+deb12u3 bad': contains"
                  + " whitespace as fixed version in bookworm; entry skipped",
              file
                  + ": glibc/CVE-2023-4911: unknown Debian release 'hamm'; its entries are"
                  + " skipped");
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).isEmpty();
    }
  }

  @Test
  void truncatedExportKeepsPreviousData() throws Exception {
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, export());
      String text = java.nio.file.Files.readString(temp.resolve("tracker.json"));
      Path truncated =
          Fixtures.writeText(temp.resolve("cut.json"), text.substring(0, text.length() / 2));

      ImportReport report = new ImportReport();
      assertThatThrownBy(() -> Fixtures.importInto(store, report, truncated))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("no valid advisory in the inputs, only 1 problems: " + truncated);

      assertThat(report.problems()).hasSize(1);
      assertThat(report.problems().get(0).message()).startsWith("malformed JSON");
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(2);
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "openssl")).hasSize(2);
    }
  }
}
