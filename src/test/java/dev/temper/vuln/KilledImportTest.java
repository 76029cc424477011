package dev.temper.vuln;

import static dev.temper.vuln.Fixtures.glibcDsa;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM in the middle of an import with SIGKILL, which runs no cleanup: the existing
 * database keeps every byte, and the next import deletes the copy that the killed one left.
 */
class KilledImportTest {
  private static final int RECORDS = 200_000;

  /**
   * Growth of the copy that shows records were written: more than SQLite's default page cache of
   * 2000 KiB.
   */
  private static final long GROWTH = 4L << 20;

  @TempDir Path temp;

  @Test
  void killedImportLeavesDatabaseUnchanged() throws Exception {
    Path db = temp.resolve("db/advisories.db");
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      Fixtures.importAll(store, Fixtures.write(temp.resolve("DSA-5514-1.json"), glibcDsa()));
    }
    byte[] before = Files.readAllBytes(db);
    Path large = temp.resolve("large.json");
    writeRecords(large);

    Process child = startImport(large, db);
    Optional<Path> copy = awaitImportCopy(db.getParent(), before.length + GROWTH, child);
    assertThat(copy).as("the child's copy of the database, grown before it exited").isPresent();
    child.destroyForcibly();
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(child.exitValue()).as("exit status of the killed import").isNotZero();
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    assertThat(copy.get()).exists();
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      assertThat(store.status().get(0).recordCount()).isEqualTo(1);
      Fixtures.importAll(store, temp.resolve("DSA-5514-1.json"));
    }
    assertThat(copy.get()).doesNotExist();
    assertThat(importCopies(db.getParent())).isEmpty();
  }

  private Process startImport(Path input, Path db) throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LargeImportMain.class.getName(),
            input.toString(),
            db.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("child.txt").toFile())
        .start();
  }

  /**
   * Waits until the child's copy of the database is larger than {@code size} bytes, which means
   * that it has written records, or until the child has exited.
   */
  private static Optional<Path> awaitImportCopy(Path directory, long size, Process child)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (child.isAlive() && System.nanoTime() < deadline) {
      for (Path copy : importCopies(directory)) {
        if (Files.size(copy) > size) {
          return Optional.of(copy);
        }
      }
      child.waitFor(10, TimeUnit.MILLISECONDS);
    }
    return Optional.empty();
  }

  private static List<Path> importCopies(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> p.getFileName().toString().matches("\\.advisories\\.db\\..*\\.tmp"))
          .toList();
    }
  }

  /** Writes an array of small OSV records, enough for an import that runs for a few seconds. */
  private static void writeRecords(Path file) throws IOException {
    try (JsonGenerator out =
        Fixtures.JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      out.writeStartArray();
      for (int i = 0; i < RECORDS; i++) {
        out.writeStartObject();
        out.writeStringField("id", "DEBIAN-CVE-2024-" + (100000 + i));
        out.writeStringField("modified", "2024-06-01T00:00:00Z");
        out.writeArrayFieldStart("affected");
        out.writeStartObject();
        out.writeObjectFieldStart("package");
        out.writeStringField("ecosystem", "Debian:12");
        out.writeStringField("name", "package-" + i);
        out.writeEndObject();
        out.writeArrayFieldStart("ranges");
        out.writeStartObject();
        out.writeStringField("type", "ECOSYSTEM");
        out.writeArrayFieldStart("events");
        out.writeStartObject();
        out.writeStringField("introduced", "0");
        out.writeEndObject();
        out.writeStartObject();
        out.writeStringField("fixed", "1.0-" + i);
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
      }
      out.writeEndArray();
    }
  }
}
