package dev.temper.vuln;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes advisory fixtures in the official formats: OSV records (schema 1.6) and the Debian
 * security tracker's JSON export. Names, versions and ids are real ones.
 */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Fixtures() {}

  /** Starts an OSV record with the required fields. */
  static ObjectNode osv(String id, String modified) {
    ObjectNode record = JSON.createObjectNode();
    record.put("schema_version", "1.6.0");
    record.put("id", id);
    record.put("modified", modified);
    return record;
  }

  /** Adds an affected package with one ECOSYSTEM range built from event pairs. */
  static ObjectNode affected(ObjectNode record, String ecosystem, String name, String... events) {
    ObjectNode affected = record.withArray("affected").addObject();
    affected.putObject("package").put("ecosystem", ecosystem).put("name", name);
    ObjectNode range = affected.putArray("ranges").addObject();
    range.put("type", "ECOSYSTEM");
    ArrayNode list = range.putArray("events");
    for (int i = 0; i < events.length; i += 2) {
      list.addObject().put(events[i], events[i + 1]);
    }
    return affected;
  }

  static ObjectNode aliases(ObjectNode record, String... ids) {
    ArrayNode aliases = record.putArray("aliases");
    for (String id : ids) {
      aliases.add(id);
    }
    return record;
  }

  static ObjectNode cvss(ObjectNode record, String vector) {
    record.putArray("severity").addObject().put("type", "CVSS_V3").put("score", vector);
    return record;
  }

  /** DSA-5514-1: glibc's CVE-2023-4911 (Looney Tunables), fixed in bookworm in 2.36-9+deb12u3. */
  static ObjectNode glibcDsa() {
    ObjectNode record = osv("DSA-5514-1", "2023-10-03T18:00:00Z");
    aliases(record, "CVE-2023-4911");
    record.put("summary", "glibc - security update");
    cvss(record, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
    affected(record, "Debian:12", "glibc", "introduced", "0", "fixed", "2.36-9+deb12u3");
    return record;
  }

  /** GHSA-22wj-vf5f-wrvj: H2's CVE-2022-45868, affected up to and including 2.1.214. */
  static ObjectNode h2Ghsa() {
    ObjectNode record = osv("GHSA-22wj-vf5f-wrvj", "2024-02-22T19:00:00Z");
    aliases(record, "CVE-2022-45868");
    record.put("summary", "Password leak in H2 Database");
    record.putObject("database_specific").put("severity", "HIGH");
    affected(record, "Maven", "com.h2database:h2", "introduced", "0", "last_affected", "2.1.214");
    return record;
  }

  /** GHSA-jfh8-c2jp-5v3q: Log4Shell, CVE-2021-44228, fixed in 2.15.0. */
  static ObjectNode log4jGhsa() {
    ObjectNode record = osv("GHSA-jfh8-c2jp-5v3q", "2024-05-21T00:00:00Z");
    aliases(record, "CVE-2021-44228");
    record.put("summary", "Remote code injection in Log4j");
    cvss(record, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    affected(
        record,
        "Maven",
        "org.apache.logging.log4j:log4j-core",
        "introduced",
        "2.0-beta9",
        "fixed",
        "2.15.0");
    return record;
  }

  static Path write(Path file, Object json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), json);
    return file;
  }

  static Path writeText(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Writes a zip archive with the given entry names and contents, in order. */
  static Path zip(Path file, String... namesAndContents) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  /** Returns a tracker entry for one release. */
  static ObjectNode trackerRelease(String status, String fixedVersion, String urgency) {
    ObjectNode release = JSON.createObjectNode();
    release.put("status", status);
    release.putObject("repositories").put("bookworm", "2.36-9+deb12u10");
    if (fixedVersion != null) {
      release.put("fixed_version", fixedVersion);
    }
    release.put("urgency", urgency);
    return release;
  }

  static AdvisoryStore openStore(Path directory) throws Exception {
    return AdvisoryStore.open(directory.resolve("advisories.db"), CLOCK);
  }

  static ImportReport importAll(AdvisoryStore store, Path... inputs) throws Exception {
    return new AdvisoryImporter(store, null, AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES)
        .importAll(inputs(inputs));
  }

  /** Imports into {@code report}, which keeps the problems when the import fails. */
  static void importInto(AdvisoryStore store, ImportReport report, Path... inputs)
      throws Exception {
    new AdvisoryImporter(store, null, AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES)
        .importAll(inputs(inputs), report);
  }

  private static java.util.List<ImportInput> inputs(Path... inputs) {
    java.util.List<ImportInput> list = new java.util.ArrayList<>();
    for (Path input : inputs) {
      list.add(ImportInput.of(input.toString()));
    }
    return list;
  }
}
