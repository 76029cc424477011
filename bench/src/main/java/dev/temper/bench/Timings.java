package dev.temper.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times several variants of a task in rotation, one run of each per round, so that load from other
 * processes on the machine spreads over all variants instead of skewing the ones that ran during
 * it. Prints wall-clock and CPU medians as a Markdown table.
 */
final class Timings {
  /** A piece of work to time. */
  interface Task {
    void run() throws Exception;
  }

  private record Variant(String label, Task task, List<Double> wall, List<Double> cpu) {}

  private final List<Variant> variants = new ArrayList<>();

  void add(String label, Task task) {
    variants.add(new Variant(label, task, new ArrayList<>(), new ArrayList<>()));
  }

  /**
   * Runs every variant {@code warmups} times untimed, then {@code rounds} timed rounds, and prints
   * the table.
   */
  void run(int warmups, int rounds) throws Exception {
    for (int i = 0; i < warmups; i++) {
      for (Variant variant : variants) {
        variant.task().run();
      }
    }
    for (int i = 0; i < rounds; i++) {
      for (Variant variant : variants) {
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        variant.task().run();
        variant.wall().add((System.nanoTime() - start) / 1e6);
        variant.cpu().add((cpuNanos() - cpuStart) / 1e6);
      }
    }
    print();
  }

  private void print() {
    System.out.println("| what | median ms | min ms | max ms | median JVM CPU ms |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    for (Variant variant : variants) {
      List<Double> wall = new ArrayList<>(variant.wall());
      Collections.sort(wall);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.0f | %.0f | %.0f |%n",
          variant.label(),
          median(wall),
          wall.get(0),
          wall.get(wall.size() - 1),
          median(variant.cpu()));
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

  /**
   * Returns the CPU time of this JVM, all its threads and the collector included. A child process
   * such as xz is not counted.
   */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
