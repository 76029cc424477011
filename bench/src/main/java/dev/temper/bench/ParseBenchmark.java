package dev.temper.bench;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.PackagesParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tukaani.xz.XZInputStream;

/**
 * Measures how long reading the bookworm main amd64 Packages.xz takes: native {@code xz -dc}, xz
 * decompression in Java, decompression plus parsing in one thread and in two, and parsing alone.
 * Prints a Markdown table of medians, then the heap the parsed index needs.
 */
public final class ParseBenchmark {
  private static final int KIB = 1024;

  private final Path data;
  private byte[] decompressed;

  private ParseBenchmark(Path data) {
    this.data = data;
  }

  /**
   * Runs the benchmark. Options: {@code -warmup N} warm-up rounds (default 3), {@code -iterations
   * N} timed rounds (default 7), {@code -data FILE} (default: download into {@code data/}), {@code
   * -no-heap-search} to skip the minutes-long search for the smallest heap, and {@code -parse-once
   * FILE [-read-ahead]}, which parses once and exits 0, for that search in a child JVM.
   */
  public static void main(String[] args) throws Exception {
    int warmups = 3;
    int iterations = 7;
    Path data = null;
    boolean heapSearch = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-warmup" -> warmups = Integer.parseInt(args[++i]);
        case "-iterations" -> iterations = Integer.parseInt(args[++i]);
        case "-data" -> data = Path.of(args[++i]);
        case "-no-heap-search" -> heapSearch = false;
        case "-parse-once" -> {
          parseOnce(Path.of(args[i + 1]), args.length > i + 2 && args[i + 2].equals("-read-ahead"));
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (data == null) {
      data = BenchData.packagesXz("bookworm");
    }
    ParseBenchmark benchmark = new ParseBenchmark(data);
    benchmark.printSetup(warmups, iterations);
    benchmark.timings().run(warmups, iterations);
    System.out.printf("%nload average after timing: %.2f%n%n", loadAverage());
    if (heapSearch) {
      HeapProbe.report(data);
    }
  }

  private void printSetup(int warmups, int iterations) throws Exception {
    decompressed = decompress(64 * KIB);
    int count = PackagesParser.parse(new ByteArrayInputStream(decompressed), null, "x").size();
    System.out.printf(
        "%s: %d bytes compressed, %d bytes decompressed, %d packages%n",
        data, Files.size(data), decompressed.length, count);
    System.out.printf(
        "%s %s, %d CPUs, load average %.2f; %d warm-up rounds, %d timed rounds%n%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        warmups,
        iterations);
  }

  private Timings timings() {
    Timings timings = new Timings();
    timings.add("`xz -dc Packages.xz > /dev/null`, native, in a child process", this::runXz);
    for (int buffer : new int[] {8 * KIB, 64 * KIB, 1024 * KIB}) {
      timings.add(
          "decompress only, Java xz, " + buffer / KIB + " KiB input buffer",
          () -> decompressOnly(buffer));
    }
    timings.add("decompress only, Java xz without its CRC64 check", this::decompressUnchecked);
    timings.add("parse only, from a byte array in memory", this::parseOnly);
    for (int buffer : new int[] {8 * KIB, 64 * KIB, 1024 * KIB}) {
      timings.add(
          "decompress + parse, one thread, " + buffer / KIB + " KiB input buffer",
          () -> parseSingleThread(buffer));
    }
    timings.add("decompress + parse, two threads, JDK PipedInputStream", this::parsePipedJdk);
    timings.add(
        "decompress + parse, two threads, `PackagesParser.parseXz` (read-ahead of 4 x 1 MiB)",
        this::parseXz);
    return timings;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private void runXz() throws IOException, InterruptedException {
    Process xz =
        new ProcessBuilder("xz", "-dc", data.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (xz.waitFor() != 0) {
      throw new IOException("xz -dc " + data + " exited with status " + xz.exitValue());
    }
  }

  private InputStream openXz(int bufferSize) throws IOException {
    return new XZInputStream(new BufferedInputStream(Files.newInputStream(data), bufferSize));
  }

  private byte[] decompress(int bufferSize) throws IOException {
    try (InputStream in = openXz(bufferSize)) {
      return in.readAllBytes();
    }
  }

  private void decompressOnly(int bufferSize) throws IOException {
    byte[] sink = new byte[64 * KIB];
    try (InputStream in = openXz(bufferSize)) {
      while (in.read(sink) >= 0) {
        // Only the decompression is measured.
      }
    }
  }

  private void decompressUnchecked() throws IOException {
    byte[] sink = new byte[64 * KIB];
    InputStream file = new BufferedInputStream(Files.newInputStream(data), 64 * KIB);
    try (InputStream in = new XZInputStream(file, -1, false)) {
      while (in.read(sink) >= 0) {
        // Only the decompression is measured.
      }
    }
  }

  private void parseOnly() throws Exception {
    check(PackagesParser.parse(new ByteArrayInputStream(decompressed), null, "memory"));
  }

  private void parseSingleThread(int bufferSize) throws Exception {
    try (InputStream in = openXz(bufferSize)) {
      check(PackagesParser.parse(in, null, data.toString()));
    }
  }

  private void parsePipedJdk() throws Exception {
    PipedInputStream in = new PipedInputStream(1024 * KIB);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread producer =
        new Thread(
            () -> {
              try (InputStream xz = openXz(64 * KIB);
                  out) {
                xz.transferTo(out);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    producer.start();
    try (in) {
      check(PackagesParser.parse(in, null, data.toString()));
    }
    producer.join();
  }

  private void parseXz() throws Exception {
    check(PackagesParser.parseXz(data, null, data.toString()));
  }

  private void check(List<BinaryPackage> packages) {
    if (packages.size() < 1000) {
      throw new IllegalStateException("only " + packages.size() + " packages parsed");
    }
  }

  private static void parseOnce(Path data, boolean readAhead) throws Exception {
    List<BinaryPackage> packages;
    if (readAhead) {
      packages = PackagesParser.parseXz(data, null, data.toString());
    } else {
      InputStream file = new BufferedInputStream(Files.newInputStream(data), 64 * KIB);
      try (InputStream in = new XZInputStream(file)) {
        packages = PackagesParser.parse(in, null, data.toString());
      }
    }
    System.out.println(packages.size());
  }
}
