package dev.temper.build;

import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locks a multi-architecture spec for {@code temper build}: each architecture is resolved on its
 * own, as its image installs only its own packages, and the results merge into one lock. The locker
 * alone would resolve the first architecture as native and the others as foreign, the way dpkg's
 * multiarch does inside one system.
 */
final class PerArchitectureLocks implements LockSource {
  private final Locker locker;

  PerArchitectureLocks(Locker locker) {
    this.locker = locker;
  }

  @Override
  public Locked lockFor(Spec spec, Path specFile, boolean update)
      throws IOException, TemperException {
    if (spec.architectures().size() == 1) {
      Locker.Outcome outcome = locker.lock(specFile, update);
      return new Locked(outcome.lock(), outcome.lockFile(), outcome.status() != Locker.Status.KEPT);
    }
    Path lockFile = LockFiles.lockPathFor(specFile);
    if (!update && Files.exists(lockFile)) {
      Lock existing = LockFiles.read(lockFile);
      if (LockFiles.matches(existing, spec) && coversEveryArchitecture(existing, spec)) {
        return new Locked(existing, lockFile, false);
      }
    }
    List<Lock> locks = new ArrayList<>();
    for (String architecture : spec.architectures()) {
      locks.add(locker.resolve(forArchitecture(spec, architecture)));
    }
    Lock merged = merge(spec, locks);
    LockFiles.write(merged, lockFile);
    return new Locked(merged, lockFile, true);
  }

  private static Spec forArchitecture(Spec spec, String architecture) {
    return new Spec(
        spec.name(),
        List.of(architecture),
        spec.repositories(),
        spec.packages(),
        spec.exclude(),
        spec.directory(),
        spec.image());
  }

  /** Returns whether every architecture has packages of its own in the lock. */
  static boolean coversEveryArchitecture(Lock lock, Spec spec) {
    return spec.architectures().stream()
        .allMatch(a -> lock.packages().stream().anyMatch(p -> p.architecture().equals(a)));
  }

  static Lock merge(Spec spec, List<Lock> locks) {
    Map<String, Lock.Repository> repositories = new LinkedHashMap<>();
    Map<String, Lock.Package> packages = new LinkedHashMap<>();
    for (Lock lock : locks) {
      lock.repositories().forEach(r -> repositories.putIfAbsent(r.name() + " " + r.suite(), r));
      lock.packages()
          .forEach(
              p -> packages.putIfAbsent(p.name() + ":" + p.architecture() + "=" + p.version(), p));
    }
    List<Lock.Package> sorted = new ArrayList<>(packages.values());
    sorted.sort(
        Comparator.comparing(Lock.Package::name)
            .thenComparing(Lock.Package::architecture)
            .thenComparing(Lock.Package::version));
    Lock first = locks.get(0);
    return new Lock(
        Lock.FORMAT_VERSION,
        LockFiles.inputsDigest(spec),
        first.requested(),
        first.exclude(),
        spec.architectures(),
        List.copyOf(repositories.values()),
        sorted);
  }
}
