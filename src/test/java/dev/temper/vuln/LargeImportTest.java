package dev.temper.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a 300 MB OSV file in a child JVM whose heap is a fraction of the file, which succeeds
 * only if the importer streams records instead of reading the file whole.
 */
class LargeImportTest {
  private static final int RECORDS = 3000;
  private static final int DETAILS_BYTES = 100_000;
  private static final String HEAP = "-Xmx48m";

  @TempDir Path temp;

  @Test
  void importsLargeFileWithSmallHeap() throws Exception {
    Path file = temp.resolve("large.json");
    writeLargeFile(file);
    assertThat(Files.size(file)).isGreaterThan(300_000_000L);
    Path db = temp.resolve("advisories.db");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(HEAP);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LargeImportMain.class.getName());
    command.add(file.toString());
    command.add(db.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("out.txt").toFile())
            .start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("stored " + RECORDS + " problems 0");
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      assertThat(store.status().get(0).recordCount()).isEqualTo(RECORDS);
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "package-2999")).hasSize(1);
    }
  }

  /** Writes an array of OSV records, each with a long {@code details} text, as a stream. */
  private static void writeLargeFile(Path file) throws IOException {
    String details = "x".repeat(DETAILS_BYTES);
    try (JsonGenerator out =
        Fixtures.JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      out.writeStartArray();
      for (int i = 0; i < RECORDS; i++) {
        out.writeStartObject();
        out.writeStringField("schema_version", "1.6.0");
        out.writeStringField("id", "DEBIAN-CVE-2024-" + (10000 + i));
        out.writeStringField("modified", "2024-06-01T00:00:00Z");
        out.writeStringField("details", details);
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
