package dev.temper.vuln;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Times importing 100,000 synthetic OSV records from one zip archive and scanning 500 Debian
 * packages and 50 JARs against them, and reports the peak heap and resident memory. The command
 * that runs it is in {@code docs/benchmarks.md}, which records the results.
 */
public final class AdvisoryBenchmark {
  private static final int DEBIAN_RECORDS = 70_000;
  private static final int MAVEN_RECORDS = 30_000;
  private static final int SOURCE_PACKAGES = 3_000;
  private static final int ARTIFACTS = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] VECTORS = {
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
  };

  private AdvisoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("temper-advisory-bench");
    Path zip = work.resolve("all.zip");
    long start = System.nanoTime();
    writeArchive(zip, new Random(42));
    System.out.printf(
        "generated %d records, %d bytes zipped, in %d ms%n",
        DEBIAN_RECORDS + MAVEN_RECORDS, Files.size(zip), millisSince(start));
    resetPeaks();

    Path db = work.resolve("advisories.db");
    try (AdvisoryStore store = AdvisoryStore.open(db, Clock.systemUTC())) {
      start = System.nanoTime();
      long cpuStart = cpuNanos();
      ImportReport report =
          new AdvisoryImporter(store, null, AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES)
              .importAll(List.of(ImportInput.of(zip.toString())));
      long importMillis = millisSince(start);
      System.out.printf(
          "import: %d ms wall, %d ms CPU, %d records, %d problems, db %d bytes, heap peak %d MiB%n",
          importMillis,
          (cpuNanos() - cpuStart) / 1_000_000,
          report.recordsStored(AdvisorySource.OSV),
          report.problemCount(),
          Files.size(db),
          heapPeakMiB());

      resetPeaks();
      List<Component> components = components(new Random(7));
      Scanner scanner = new Scanner(store, Clock.systemUTC());
      for (int round = 0; round < 5; round++) {
        start = System.nanoTime();
        cpuStart = cpuNanos();
        ScanReport scan = scanner.scan(components, Release.debian("12"), ScanOptions.defaults());
        System.out.printf(
            "scan round %d: %d ms wall, %d ms CPU, %d components, %d findings%n",
            round,
            millisSince(start),
            (cpuNanos() - cpuStart) / 1_000_000,
            components.size(),
            scan.findings().size());
      }
      System.out.printf("scan heap peak %d MiB%n", heapPeakMiB());
    }
    System.out.println("process peak resident memory: " + peakResident());
    Files.delete(db);
    Files.delete(zip);
    Files.delete(work);
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void writeArchive(Path zip, Random random) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      for (int i = 0; i < DEBIAN_RECORDS + MAVEN_RECORDS; i++) {
        ObjectNode record = i < DEBIAN_RECORDS ? debianRecord(i, random) : mavenRecord(i, random);
        archive.putNextEntry(new ZipEntry(record.path("id").asText() + ".json"));
        archive.write(JSON.writeValueAsBytes(record));
        archive.closeEntry();
      }
    }
  }

  private static ObjectNode base(String id, int i, Random random) {
    ObjectNode record = JSON.createObjectNode();
    record.put("schema_version", "1.6.0");
    record.put("id", id);
    record.put("modified", "2024-0" + (1 + i % 9) + "-15T12:00:00Z");
    record.put("published", "2023-11-01T00:00:00Z");
    record.putArray("aliases").add("CVE-" + (2015 + i % 10) + "-" + (10000 + i));
    record.put("summary", "Synthetic advisory " + i + " for benchmarking");
    record.put(
        "details",
        "A flaw was found that allows a remote attacker to cause a denial of service. ".repeat(4));
    record
        .putArray("severity")
        .addObject()
        .put("type", "CVSS_V3")
        .put("score", VECTORS[random.nextInt(VECTORS.length)]);
    record
        .putArray("references")
        .addObject()
        .put("type", "ADVISORY")
        .put("url", "https://example.invalid/" + id);
    return record;
  }

  private static ObjectNode debianRecord(int i, Random random) {
    ObjectNode record = base("DEBIAN-CVE-" + (2015 + i % 10) + "-" + (10000 + i), i, random);
    ObjectNode affected = record.putArray("affected").addObject();
    int pkg = random.nextInt(SOURCE_PACKAGES);
    affected
        .putObject("package")
        .put("ecosystem", "Debian:" + (11 + i % 3))
        .put("name", "src" + pkg)
        .put("purl", "pkg:deb/debian/src" + pkg);
    ArrayNode events =
        affected.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
    events.addObject().put("introduced", "0");
    if (random.nextInt(10) < 8) {
      events
          .addObject()
          .put(
              "fixed",
              (1 + random.nextInt(3))
                  + "."
                  + random.nextInt(20)
                  + "-"
                  + (1 + random.nextInt(4))
                  + "+deb12u"
                  + (1 + random.nextInt(5)));
    }
    return record;
  }

  private static ObjectNode mavenRecord(int i, Random random) {
    ObjectNode record = base("GHSA-bench-" + i, i, random);
    ObjectNode affected = record.putArray("affected").addObject();
    int artifact = random.nextInt(ARTIFACTS);
    affected
        .putObject("package")
        .put("ecosystem", "Maven")
        .put("name", "org.example" + artifact % 50 + ":lib" + artifact);
    ArrayNode events =
        affected.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
    events.addObject().put("introduced", random.nextInt(2) + ".0");
    if (random.nextBoolean()) {
      events
          .addObject()
          .put(
              "fixed",
              (1 + random.nextInt(3)) + "." + random.nextInt(10) + "." + random.nextInt(5));
    } else {
      events
          .addObject()
          .put("last_affected", (1 + random.nextInt(3)) + "." + random.nextInt(10) + ".0");
    }
    return record;
  }

  private static List<Component> components(Random random) {
    List<Component> components = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int pkg = random.nextInt(SOURCE_PACKAGES);
      String version =
          (1 + random.nextInt(3)) + "." + random.nextInt(20) + "-" + (1 + random.nextInt(4));
      components.add(Component.debian("lib" + pkg, version, "src" + pkg, version, "amd64"));
    }
    for (int i = 0; i < 50; i++) {
      int artifact = random.nextInt(ARTIFACTS);
      components.add(
          Component.maven(
              "org.example" + artifact % 50,
              "lib" + artifact,
              (1 + random.nextInt(3)) + "." + random.nextInt(10) + ".1",
              "app/lib/lib" + artifact + ".jar"));
    }
    return components;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeakMiB() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  private static String peakResident() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("VmHWM"))
        .findFirst()
        .orElse("unknown");
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
