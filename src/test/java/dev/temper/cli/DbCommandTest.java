package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.testing.LoopbackServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandTest {
  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** DSA-5514-1 in OSV form: glibc's CVE-2023-4911, fixed in bookworm in 2.36-9+deb12u3. */
  private static byte[] glibcRecord() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode record = json.createObjectNode();
    record.put("id", "DSA-5514-1");
    record.put("modified", "2023-10-03T18:00:00Z");
    record.putArray("aliases").add("CVE-2023-4911");
    ObjectNode affected = record.putArray("affected").addObject();
    affected.putObject("package").put("ecosystem", "Debian:12").put("name", "glibc");
    ObjectNode range = affected.putArray("ranges").addObject().put("type", "ECOSYSTEM");
    range.putArray("events").addObject().put("introduced", "0");
    range.withArray("events").addObject().put("fixed", "2.36-9+deb12u3");
    return json.writeValueAsBytes(record);
  }

  @Test
  void importThenStatus() throws Exception {
    Path file = Files.write(temp.resolve("DSA-5514-1.json"), glibcRecord());
    Path db = temp.resolve("db/advisories.db");

    assertThat(run("db", "import", "--db", db.toString(), file.toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "Imported 1 OSV records and 0 Debian tracker entries into "
                + db
                + " (0 problems skipped)\n");

    out.getBuffer().setLength(0);
    assertThat(run("db", "status", "--db", db.toString())).isZero();
    assertThat(out.toString())
        .startsWith("Database: " + db + "\nosv: 1 records, imported ")
        .contains("(0 days ago), newest record 2023-10-03T18:00:00Z");
  }

  @Test
  void importOfOnlyMalformedRecordsExitsThree() throws Exception {
    Path file =
        Files.writeString(temp.resolve("broken.json"), "{\"id\": \"DSA-1\", \"affected\": [");
    Path db = temp.resolve("advisories.db");

    assertThat(run("db", "import", "--db", db.toString(), file.toString())).isEqualTo(3);
    assertThat(err.toString())
        .startsWith("warning: " + file + ": malformed JSON")
        .contains("temper: no valid advisory in the inputs, only 1 problems")
        .endsWith("; the database was not changed\n");
    assertThat(out.toString()).isEmpty();
    assertThat(db).doesNotExist();
  }

  @Test
  void failedImportKeepsDatabaseBytes() throws Exception {
    Path db = temp.resolve("db/advisories.db");
    Path good = Files.write(temp.resolve("DSA-5514-1.json"), glibcRecord());
    assertThat(run("db", "import", "--db", db.toString(), good.toString())).isZero();
    byte[] before = Files.readAllBytes(db);
    Path zip = temp.resolve("all.zip");
    try (ZipOutputStream stream = new ZipOutputStream(Files.newOutputStream(zip))) {
      stream.putNextEntry(new ZipEntry("DSA-5514-1.json"));
      stream.write(glibcRecord());
      stream.closeEntry();
    }
    byte[] complete = Files.readAllBytes(zip);
    Path truncated = Files.write(temp.resolve("cut.zip"), Arrays.copyOf(complete, 40));
    out.getBuffer().setLength(0);

    assertThat(run("db", "import", "--db", db.toString(), good.toString(), truncated.toString()))
        .isEqualTo(3);

    assertThat(err.toString()).startsWith("temper: " + truncated + ": not a complete zip archive");
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    try (Stream<Path> files = Files.list(db.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("advisories.db", "advisories.db.lock");
    }
  }

  @Test
  void statusOfMissingDatabaseCreatesNothing() {
    Path db = temp.resolve("cache/advisories.db");
    assertThat(run("db", "status", "--db", db.toString())).isZero();
    assertThat(out.toString()).contains("No advisories imported");
    assertThat(db.getParent()).doesNotExist();
  }

  @Test
  void importsOverHttpFromLoopback() throws Exception {
    Path db = temp.resolve("advisories.db");
    try (LoopbackServer server =
        LoopbackServer.start().put("/osv/DSA-5514-1.json", glibcRecord())) {
      String url = server.uri("/osv/DSA-5514-1.json").toString();

      assertThat(run("db", "import", "--db", db.toString(), url)).as(err.toString()).isZero();
    }
    assertThat(out.toString()).startsWith("Imported 1 OSV records");
  }

  @Test
  void unsafeZipExitsThreeAndReportsEntry() throws Exception {
    Path zip = temp.resolve("all.zip");
    try (ZipOutputStream stream = new ZipOutputStream(Files.newOutputStream(zip))) {
      stream.putNextEntry(new ZipEntry("../escape.json"));
      stream.write("{}".getBytes(StandardCharsets.UTF_8));
      stream.closeEntry();
    }
    assertThat(run("db", "import", "--db", temp.resolve("a.db").toString(), zip.toString()))
        .isEqualTo(3);
    assertThat(err.toString())
        .isEqualTo(
            "temper: "
                + zip
                + ": entry name '../escape.json' could escape a directory ('..'"
                + " segment); archive rejected\n");
  }

  @Test
  void unsupportedSchemeExitsThree() {
    assertThat(
            run("db", "import", "--db", temp.resolve("a.db").toString(), "ftp://127.0.0.1/all.zip"))
        .isEqualTo(3);
    assertThat(err.toString()).contains("unsupported URL scheme in ftp://127.0.0.1/all.zip");
  }

  @Test
  void malformedRecordIsWarnedAndExitsZero() throws Exception {
    Path file = Files.writeString(temp.resolve("bad.json"), "{\"id\": \"DSA-1-1\",");
    Path good = Files.write(temp.resolve("DSA-5514-1.json"), glibcRecord());
    assertThat(
            run(
                "db",
                "import",
                "--db",
                temp.resolve("a.db").toString(),
                file.toString(),
                good.toString()))
        .isZero();
    assertThat(err.toString()).startsWith("warning: " + file + ": malformed JSON, line 1");
    assertThat(out.toString()).contains("(1 problems skipped)");
  }
}
