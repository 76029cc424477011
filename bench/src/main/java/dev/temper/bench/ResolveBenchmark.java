package dev.temper.bench;

import dev.temper.build.Spec;
import dev.temper.build.SpecLoader;
import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.ArchiveReader;
import dev.temper.debian.repository.Keyring;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.debian.repository.RepositorySource;
import dev.temper.debian.resolve.PackageUniverse;
import dev.temper.debian.resolve.Resolution;
import dev.temper.debian.resolve.ResolveRequest;
import dev.temper.debian.resolve.Resolver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures resolving a spec's request against the full universe of its suites: the time to read
 * the suites from the cache (verify, decompress, parse), to build the universe and to resolve, and
 * the heap in use afterwards. The first run downloads the indexes into {@code data/}.
 */
public final class ResolveBenchmark {
  private ResolveBenchmark() {}

  /** Runs the benchmark with the arguments {@code [SPEC] [-iterations N]}, by default java17 and 21. */
  public static void main(String[] args) throws Exception {
    Path specFile = Path.of("../examples/java17.yaml");
    int iterations = 21;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-iterations")) {
        iterations = Integer.parseInt(args[++i]);
      } else {
        specFile = Path.of(args[i]);
      }
    }
    Spec spec = SpecLoader.load(specFile);
    System.out.printf(
        "%s %s, %d CPUs, load average %.2f%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        loadAverage());

    long readStart = System.nanoTime();
    long readCpuStart = cpuNanos();
    List<LoadedSuite> suites = readSuites(spec);
    long readNanos = System.nanoTime() - readStart;
    long readCpu = cpuNanos() - readCpuStart;

    long buildStart = System.nanoTime();
    long buildCpuStart = cpuNanos();
    PackageUniverse.Builder builder = PackageUniverse.builder(spec.architectures().get(0), List.of());
    suites.forEach(builder::addSuite);
    PackageUniverse universe = builder.build();
    long buildNanos = System.nanoTime() - buildStart;
    long buildCpu = cpuNanos() - buildCpuStart;

    ResolveRequest request = ResolveRequest.of(spec.packages(), spec.exclude());
    long[] times = new long[iterations];
    long[] cpu = new long[iterations];
    Resolution resolution = null;
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      resolution = Resolver.resolve(universe, request);
      times[i] = System.nanoTime() - start;
      cpu[i] = cpuNanos() - cpuStart;
    }
    long first = times[0];
    long firstCpu = cpu[0];
    Arrays.sort(times);
    Arrays.sort(cpu);

    System.out.printf(
        "spec %s: %d suites, %d package versions, %d packages resolved%n",
        specFile, suites.size(), universe.size(), resolution.packages().size());
    System.out.println("| what | wall ms | main thread CPU ms |");
    System.out.println("| --- | ---: | ---: |");
    row("read the suites from the cache, one after the other", readNanos, readCpu);
    row("build the universe", buildNanos, buildCpu);
    row("first resolve in this JVM", first, firstCpu);
    row("resolve, median of " + iterations, times[iterations / 2], cpu[iterations / 2]);
    row("resolve, min", times[0], cpu[0]);
    row("resolve, max", times[iterations - 1], cpu[iterations - 1]);
    reportHeap(universe);
    System.out.printf("load average after timing: %.2f%n", loadAverage());
  }

  private static List<LoadedSuite> readSuites(Spec spec) throws Exception {
    Downloader downloader =
        Downloader.builder(new ContentCache(Path.of("data").toAbsolutePath(), Clock.systemUTC()))
            .build();
    ArchiveReader reader = new ArchiveReader(downloader, Clock.systemUTC());
    MirrorResolver mirrors = MirrorResolver.fromHost();
    List<LoadedSuite> suites = new ArrayList<>();
    for (Spec.RepositorySpec repository : spec.repositories()) {
      for (String suite : repository.suites()) {
        suites.add(
            reader.read(
                new RepositorySource(
                    repository.name(),
                    mirrors.mirrorFor(suite),
                    suite,
                    repository.components(),
                    spec.architectures(),
                    Keyring.debianDefault())));
      }
    }
    return suites;
  }

  /** Prints the heap that the universe retains and the peak of the heap pools so far. */
  private static void reportHeap(PackageUniverse universe) throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "heap in use after a full GC, universe of %d retained: %d MiB; sum of heap pool peaks: %d"
            + " MiB%n",
        universe.size(), used >> 20, peak >> 20);
  }

  private static void row(String label, long wallNanos, long cpuNanos) {
    System.out.printf("| %s | %.1f | %.1f |%n", label, wallNanos / 1e6, cpuNanos / 1e6);
  }

  /** Returns the CPU time of this thread; the reader's read-ahead thread is not counted. */
  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
