package dev.temper.bench;

import dev.temper.archive.FileEntry;
import dev.temper.archive.LayerBlob;
import dev.temper.archive.LayerOptions;
import dev.temper.archive.LayerWriter;
import dev.temper.debian.deb.DebReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures reading a large real {@code .deb} with {@link DebReader} and writing its data as an
 * image layer with {@link LayerWriter} at several gzip levels and with zstd, next to the native
 * {@code dpkg-deb} and {@code gzip}. Prints a Markdown table of medians with MB/s, where MB is 10^6
 * bytes of the uncompressed data tar.
 */
public final class DebLayerBenchmark {
  private static final String PACKAGE = "openjdk-17-jre-headless";

  private final Path deb;
  private final Path work;
  private List<FileEntry> entries;
  private long tarBytes;
  private final Map<String, Long> outputSizes = new LinkedHashMap<>();
  private double childCpuMs;

  private DebLayerBenchmark(Path deb, Path work) {
    this.deb = deb;
    this.work = work;
  }

  /**
   * Runs the benchmark. Options: {@code -warmup N} (default 1), {@code -iterations N} (default 3),
   * {@code -deb FILE} (default: {@code data/openjdk-17-jre-headless_*.deb}, fetched with {@code
   * apt-get download} from the host's apt sources when missing).
   */
  public static void main(String[] args) throws Exception {
    int warmups = 1;
    int iterations = 3;
    Path deb = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-warmup" -> warmups = Integer.parseInt(args[++i]);
        case "-iterations" -> iterations = Integer.parseInt(args[++i]);
        case "-deb" -> deb = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path data = Files.createDirectories(Path.of("data").toAbsolutePath());
    if (deb == null) {
      deb = findOrDownload(data);
    }
    Path work = Files.createTempDirectory(data, "layers-");
    try {
      new DebLayerBenchmark(deb, work).run(warmups, iterations);
    } finally {
      try (Stream<Path> files = Files.list(work)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(work);
    }
  }

  private void run(int warmups, int iterations) throws Exception {
    entries = new DebReader().readAll(deb).entries();
    LayerBlob plain =
        LayerWriter.write(entries, work.resolve("plain.tar"), LayerOptions.uncompressed(0));
    tarBytes = plain.uncompressedSize();
    System.out.printf(
        "%s: %d bytes, %d data entries, data tar %d bytes%n",
        deb.getFileName(), Files.size(deb), entries.size(), tarBytes);
    System.out.printf(
        "%s %s, %d CPUs, load average %.2f; %d warm-up rounds, %d timed rounds%n%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        warmups,
        iterations);

    Map<String, Timings.Task> tasks = new LinkedHashMap<>();
    tasks.put(
        "native `dpkg-deb --fsys-tarfile` (ar + xz)",
        () -> timedShell("dpkg-deb --fsys-tarfile '" + deb + "' > /dev/null"));
    tasks.put("`DebReader.read`, streaming, content skipped", this::readStreaming);
    tasks.put("`DebReader.readAll`, content in memory", () -> new DebReader().readAll(deb));
    tasks.put("write layer, uncompressed", () -> write("none", LayerOptions.uncompressed(0)));
    tasks.put("write layer, gzip level 1", () -> write("gzip1", LayerOptions.gzip(0).withLevel(1)));
    tasks.put("write layer, gzip level 6 (default)", () -> write("gzip6", LayerOptions.gzip(0)));
    tasks.put("write layer, gzip level 9", () -> write("gzip9", LayerOptions.gzip(0).withLevel(9)));
    tasks.put("write layer, zstd level 3", () -> write("zstd3", LayerOptions.zstd(0)));
    tasks.put(
        "native `gzip -1` of the same tar",
        () -> timedShell("gzip -1 -c '" + plain.file() + "' > /dev/null"));
    tasks.put(
        "native `gzip -6` of the same tar",
        () -> timedShell("gzip -6 -c '" + plain.file() + "' > /dev/null"));
    tasks.put(
        "native `zstd -3` of the same tar",
        () -> timedShell("zstd -q -3 -c '" + plain.file() + "' > /dev/null"));
    time(tasks, warmups, iterations);
    System.out.printf("%nload average after timing: %.2f%n%n", loadAverage());
    System.out.println("| layer | blob bytes | ratio to tar |");
    System.out.println("| --- | ---: | ---: |");
    for (Map.Entry<String, Long> size : outputSizes.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.3f |%n",
          size.getKey(),
          size.getValue(),
          size.getValue() / (double) tarBytes);
    }
  }

  private void readStreaming() throws Exception {
    try (InputStream in = Files.newInputStream(deb)) {
      new DebReader().read(in, deb.getFileName().toString(), (header, content) -> {});
    }
  }

  private void write(String name, LayerOptions options) throws Exception {
    LayerBlob blob = LayerWriter.write(entries, work.resolve(name), options);
    outputSizes.put(name, blob.size());
  }

  /** Runs every task once per round, in turn, and prints medians with MB/s of the data tar. */
  private void time(Map<String, Timings.Task> tasks, int warmups, int iterations) throws Exception {
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    for (int round = 0; round < warmups + iterations; round++) {
      for (Map.Entry<String, Timings.Task> task : tasks.entrySet()) {
        childCpuMs = 0;
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        task.getValue().run();
        double ms = (System.nanoTime() - start) / 1e6;
        double cpuMs = (cpuNanos() - cpuStart) / 1e6 + childCpuMs;
        if (round >= warmups) {
          wall.computeIfAbsent(task.getKey(), k -> new ArrayList<>()).add(ms);
          cpu.computeIfAbsent(task.getKey(), k -> new ArrayList<>()).add(cpuMs);
        }
      }
    }
    System.out.println(
        "| what | median ms | min ms | max ms | MB/s of data tar | median CPU ms | MB/s per CPU"
            + " second |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Map.Entry<String, List<Double>> row : wall.entrySet()) {
      List<Double> sorted = new ArrayList<>(row.getValue());
      Collections.sort(sorted);
      double median = median(sorted);
      double cpuMedian = median(cpu.get(row.getKey()));
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.0f | %.0f | %.1f | %.0f | %.1f |%n",
          row.getKey(),
          median,
          sorted.get(0),
          sorted.get(sorted.size() - 1),
          tarBytes / 1e6 / (median / 1000),
          cpuMedian,
          tarBytes / 1e6 / (cpuMedian / 1000));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** Returns the CPU time of this JVM, all threads and the collector included. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Runs a native command and adds its user and system CPU time to {@link #childCpuMs}. */
  private void timedShell(String command) throws IOException, InterruptedException {
    Path times = work.resolve("times");
    shell("TIMEFORMAT='%3U %3S'; { time " + command + " ; } 2> '" + times + "'");
    String[] fields = Files.readString(times).trim().split("\\s+");
    childCpuMs += (Double.parseDouble(fields[0]) + Double.parseDouble(fields[1])) * 1000;
  }

  private static Path findOrDownload(Path data) throws IOException, InterruptedException {
    Path found = find(data);
    if (found == null) {
      shellIn(data, "apt-get download " + PACKAGE);
      found = find(data);
    }
    if (found == null) {
      throw new IllegalStateException("apt-get download left no " + PACKAGE + " .deb in " + data);
    }
    return found;
  }

  private static Path find(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(PACKAGE + "_"))
          .filter(f -> f.getFileName().toString().endsWith(".deb"))
          .sorted()
          .reduce((first, second) -> second)
          .orElse(null);
    }
  }

  private static void shell(String command) throws IOException, InterruptedException {
    shellIn(Path.of("."), command);
  }

  private static void shellIn(Path dir, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed with exit code " + process.exitValue());
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
