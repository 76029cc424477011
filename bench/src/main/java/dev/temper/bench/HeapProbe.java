package dev.temper.bench;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.PackagesParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tukaani.xz.XZInputStream;

/**
 * Measures the heap that parsing needs: what the parsed index retains, the peak heap pool usage
 * while parsing in this JVM, and the smallest {@code -Xmx} with which a fresh JVM still parses the
 * index, found by bisection over child processes that use the parallel collector.
 */
final class HeapProbe {
  private static final long MIB = 1024 * 1024;
  private static final long CHILD_TIMEOUT_SECONDS = 60;

  private HeapProbe() {}

  static void report(Path data) throws Exception {
    collectGarbage();
    long before = usedHeap();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    List<BinaryPackage> packages;
    try (InputStream in =
        new XZInputStream(new BufferedInputStream(Files.newInputStream(data), 1 << 16))) {
      packages = PackagesParser.parse(in, null, data.toString());
    }
    long peak = peakHeap();
    collectGarbage();
    long retained = usedHeap() - before;
    Reference.reachabilityFence(packages);

    System.out.println("| heap | MiB |");
    System.out.println("| --- | ---: |");
    System.out.printf(
        "| retained by the %d parsed packages | %d |%n", packages.size(), retained / MIB);
    System.out.printf("| sum of heap pool peaks during the parse, this JVM | %d |%n", peak / MIB);
    System.out.printf(
        "| smallest -Xmx that parses, one thread | %d |%n", smallestHeap(data, false));
    System.out.printf(
        "| smallest -Xmx that parses, `parseXz` with read-ahead | %d |%n",
        smallestHeap(data, true));
  }

  private static void collectGarbage() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Returns the smallest -Xmx in MiB, to 8 MiB, with which a child JVM parses the index. */
  private static long smallestHeap(Path data, boolean readAhead)
      throws IOException, InterruptedException {
    long fails = 8;
    long works = 1024;
    if (!parsesWith(data, works, readAhead)) {
      return -1;
    }
    while (works - fails > 8) {
      long middle = (fails + works) / 2;
      if (parsesWith(data, middle, readAhead)) {
        works = middle;
      } else {
        fails = middle;
      }
    }
    return works;
  }

  private static boolean parsesWith(Path data, long heapMib, boolean readAhead)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx" + heapMib + "m");
    // The parallel collector gives up with an OutOfMemoryError when it spends nearly all its time
    // collecting, where G1 would thrash for minutes just above the limit.
    command.add("-XX:+UseParallelGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParseBenchmark.class.getName());
    command.add("-parse-once");
    command.add(data.toString());
    if (readAhead) {
      command.add("-read-ahead");
    }
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
      return false;
    }
    return child.exitValue() == 0;
  }
}
