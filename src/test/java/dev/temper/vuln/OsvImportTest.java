package dev.temper.vuln;

import static dev.temper.vuln.Fixtures.affected;
import static dev.temper.vuln.Fixtures.glibcDsa;
import static dev.temper.vuln.Fixtures.h2Ghsa;
import static dev.temper.vuln.Fixtures.osv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvImportTest {
  @TempDir Path temp;

  @Test
  void importsSingleRecord() throws Exception {
    Path file = Fixtures.write(temp.resolve("DSA-5514-1.json"), glibcDsa());
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, file);

      assertThat(report.recordsStored(AdvisorySource.OSV)).isEqualTo(1);
      assertThat(report.problemCount()).isZero();
      List<StoredEntry> entries = store.lookup(Ecosystem.DEBIAN, "12", "glibc");
      assertThat(entries).hasSize(1);
      StoredEntry entry = entries.get(0);
      assertThat(entry.advisoryId()).isEqualTo("DSA-5514-1");
      assertThat(entry.aliases()).containsExactly("CVE-2023-4911");
      assertThat(entry.severity()).isEqualTo(Severity.HIGH);
      assertThat(entry.affected().singleFixedVersion()).contains("2.36-9+deb12u3");
      assertThat(store.lookup(Ecosystem.DEBIAN, "11", "glibc")).isEmpty();
    }
  }

  @Test
  void statusRecordsCountAndNewestModified() throws Exception {
    Path dir = temp.resolve("osv");
    Fixtures.write(dir.resolve("a/DSA-5514-1.json"), glibcDsa());
    Fixtures.write(dir.resolve("b/GHSA-22wj-vf5f-wrvj.json"), h2Ghsa());
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, dir);

      List<SourceStatus> status = store.status();
      assertThat(status).hasSize(1);
      assertThat(status.get(0).source()).isEqualTo(AdvisorySource.OSV);
      assertThat(status.get(0).recordCount()).isEqualTo(2);
      assertThat(status.get(0).importedAt()).isEqualTo(Fixtures.NOW);
      assertThat(status.get(0).newestModified()).contains(Instant.parse("2024-02-22T19:00:00Z"));
    }
  }

  @Test
  void reimportReplacesRecordWithSameId() throws Exception {
    Path file = Fixtures.write(temp.resolve("DSA-5514-1.json"), glibcDsa());
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, file);
      Fixtures.importAll(store, file);
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(1);

      ObjectNode changed = osv("DSA-5514-1", "2023-10-04T00:00:00Z");
      affected(changed, "Debian:12", "glibc", "introduced", "0", "fixed", "2.36-9+deb12u4");
      Fixtures.write(file, changed);
      Fixtures.importAll(store, file);

      List<StoredEntry> entries = store.lookup(Ecosystem.DEBIAN, "12", "glibc");
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).affected().singleFixedVersion()).contains("2.36-9+deb12u4");
      assertThat(store.status().get(0).recordCount()).isEqualTo(1);
    }
  }

  @Test
  void withdrawnRecordReplacesAndNeverMatches() throws Exception {
    Path file = Fixtures.write(temp.resolve("DSA-5514-1.json"), glibcDsa());
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, file);
      ObjectNode withdrawn = glibcDsa();
      withdrawn.put("withdrawn", "2023-10-05T00:00:00Z");
      Fixtures.write(file, withdrawn);

      Fixtures.importAll(store, file);

      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).isEmpty();
      assertThat(store.status().get(0).recordCount()).isEqualTo(1);
    }
  }

  @Test
  void unknownRangeTypeIsSkippedWithWarning() throws Exception {
    ObjectNode record = osv("GHSA-jfh8-c2jp-5v3q", "2024-05-21T00:00:00Z");
    ObjectNode entry =
        affected(
            record,
            "Maven",
            "org.apache.logging.log4j:log4j-core",
            "introduced",
            "2.0-beta9",
            "fixed",
            "2.15.0");
    ObjectNode git = entry.withArray("ranges").addObject();
    git.put("type", "GIT").put("repo", "https://example.invalid/log4j.git");
    git.putArray("events").addObject().put("introduced", "0");
    Path file = Fixtures.write(temp.resolve("log4j.json"), record);
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, file);

      assertThat(report.problems())
          .extracting(Object::toString)
          .containsExactly(
              file
                  + ": GHSA-jfh8-c2jp-5v3q: range type 'GIT' of"
                  + " org.apache.logging.log4j:log4j-core is not supported; range skipped");
      List<StoredEntry> entries =
          store.lookup(Ecosystem.MAVEN, "", "org.apache.logging.log4j:log4j-core");
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).affected().ranges()).hasSize(1);
    }
  }

  @Test
  void invalidDpkgVersionAndUnknownFieldAreReported() throws Exception {
    ObjectNode record = osv("DLA-3600-1", "2023-10-01T00:00:00Z");
    record.put("colour", "red");
    affected(record, "Debian:12", "glibc", "introduced", "0", "fixed", "2.36 9");
    affected(record, "Debian:12", "openssl", "introduced", "0", "fixed", "3.0.11-1~deb12u1");
    Path file = Fixtures.write(temp.resolve("DLA-3600-1.json"), record);
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, file);

      assertThat(report.problems())
          .extracting(ImportReport.Problem::recordId)
          .containsOnly("DLA-3600-1");
      assertThat(report.problems())
          .extracting(ImportReport.Problem::message)
          .anyMatch(message -> message.equals("unknown field 'colour' ignored"))
          .anyMatch(message -> message.contains("2.36 9") && message.contains("glibc"));
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).isEmpty();
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "openssl")).hasSize(1);
    }
  }

  @Test
  void malformedFileIsSkippedAndOthersImport() throws Exception {
    Path dir = temp.resolve("osv");
    Fixtures.write(dir.resolve("DSA-5514-1.json"), glibcDsa());
    Fixtures.writeText(dir.resolve("broken.json"), "{\"id\": \"DSA-0000-1\", \"affected\": [");
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, dir);

      assertThat(report.recordsStored(AdvisorySource.OSV)).isEqualTo(1);
      assertThat(report.problems()).hasSize(1);
      assertThat(report.problems().get(0).file()).isEqualTo(dir.resolve("broken.json").toString());
      assertThat(report.problems().get(0).message()).startsWith("malformed JSON, line 1");
      assertThat(report.problems().get(0).message())
          .contains("expected close marker for Array (opened at line 1, column ");
      assertThat(report.problems().get(0).message()).doesNotContain("Source:");
      assertThat(report.problems().get(0).message()).doesNotContain("REDACTED");
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(1);
    }
  }

  @Test
  void arrayFileWithSyntaxErrorIsDroppedWhole() throws Exception {
    String good = Fixtures.JSON.writeValueAsString(glibcDsa());
    Path file = Fixtures.writeText(temp.resolve("all.json"), "[" + good + ", {\"id\": }]");
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = new ImportReport();
      assertThatThrownBy(() -> Fixtures.importInto(store, report, file))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no valid advisory in the inputs");

      assertThat(report.recordsStored(AdvisorySource.OSV)).isZero();
      assertThat(report.problems().get(0).message())
          .startsWith("malformed JSON, after record DSA-5514-1, line 1");
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).isEmpty();
    }
  }

  @Test
  void importsZipEntriesAsStream() throws Exception {
    Path zip =
        Fixtures.zip(
            temp.resolve("all.zip"),
            "DSA-5514-1.json",
            Fixtures.JSON.writeValueAsString(glibcDsa()),
            "GHSA-22wj-vf5f-wrvj.json",
            Fixtures.JSON.writeValueAsString(h2Ghsa()),
            "README.txt",
            "not an advisory");
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportReport report = Fixtures.importAll(store, zip);

      assertThat(report.recordsStored(AdvisorySource.OSV)).isEqualTo(2);
      assertThat(store.lookup(Ecosystem.MAVEN, "", "com.h2database:h2")).hasSize(1);
    }
  }

  @Test
  void zipWithTraversalNameFailsAndLeavesStoreUnchanged() throws Exception {
    Path good = Fixtures.write(temp.resolve("DSA-5514-1.json"), glibcDsa());
    Path zip =
        Fixtures.zip(
            temp.resolve("evil.zip"),
            "GHSA-22wj-vf5f-wrvj.json",
            Fixtures.JSON.writeValueAsString(h2Ghsa()),
            "../../etc/cron.d/x.json",
            "{}");
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      Fixtures.importAll(store, good);

      assertThatThrownBy(() -> Fixtures.importAll(store, zip))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              zip
                  + ": entry name '../../etc/cron.d/x.json' could escape a directory ('..'"
                  + " segment); archive rejected");

      assertThat(store.lookup(Ecosystem.MAVEN, "", "com.h2database:h2")).isEmpty();
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(1);
      assertThat(store.status().get(0).recordCount()).isEqualTo(1);
    }
  }

  @Test
  void truncatedZipIsRejectedAndLeavesStoreUnchanged() throws Exception {
    Path zip =
        Fixtures.zip(
            temp.resolve("all.zip"),
            "DSA-5514-1.json",
            Fixtures.JSON.writeValueAsString(glibcDsa()),
            "GHSA-22wj-vf5f-wrvj.json",
            Fixtures.JSON.writeValueAsString(h2Ghsa()));
    byte[] bytes = java.nio.file.Files.readAllBytes(zip);
    Path cut = temp.resolve("cut.zip");
    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    Path junk = temp.resolve("junk.zip");
    java.nio.file.Files.write(
        junk, "PK\u0003\u0004nonsense".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      assertThatThrownBy(() -> Fixtures.importAll(store, cut))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("cut.zip: not a complete zip archive");
      assertThatThrownBy(() -> Fixtures.importAll(store, junk))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("junk.zip: not a complete zip archive");
      assertThat(store.status()).isEmpty();
    }
  }

  @Test
  void zipWithAbsoluteNameIsRejected() throws Exception {
    Path zip = Fixtures.zip(temp.resolve("abs.zip"), "/tmp/x.json", "{}");
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      assertThatThrownBy(() -> Fixtures.importAll(store, zip))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("absolute path or backslash");
    }
  }

  @Test
  void zipBombIsRejectedByRatio() throws Exception {
    String padding = " ".repeat(8 << 20);
    Path zip =
        Fixtures.zip(temp.resolve("bomb.zip"), "bomb.json", "{\"id\": \"X\"," + padding + "}");
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      assertThatThrownBy(() -> Fixtures.importAll(store, zip))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bomb.json expands")
          .hasMessageEndingWith("above the limit of 100; archive rejected");
      assertThat(store.status()).isEmpty();
    }
  }

  @Test
  void missingFileFailsImport() throws Exception {
    try (AdvisoryStore store = Fixtures.openStore(temp)) {
      assertThatThrownBy(() -> Fixtures.importAll(store, temp.resolve("absent.json")))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
  }

  @Test
  void notSqliteFileIsInvalidInput() throws Exception {
    Path file = Files.writeString(temp.resolve("advisories.db"), "this is not a database at all");
    assertThatThrownBy(() -> AdvisoryStore.open(file, Fixtures.CLOCK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("advisories.db");
  }
}
