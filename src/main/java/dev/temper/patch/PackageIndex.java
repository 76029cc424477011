package dev.temper.patch;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.repository.LoadedSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The binary packages of the suites read, grouped by the source upload that built them. */
final class PackageIndex {
  private final Map<String, List<BinaryPackage>> bySource = new HashMap<>();

  PackageIndex(List<LoadedSuite> suites) {
    for (LoadedSuite suite : suites) {
      for (BinaryPackage pkg : suite.packages()) {
        bySource.computeIfAbsent(key(pkg), k -> new ArrayList<>()).add(pkg);
      }
    }
  }

  private static String key(BinaryPackage pkg) {
    return pkg.sourceName() + " " + pkg.sourceVersion();
  }

  /**
   * Returns the other binaries of the same source upload as {@code pkg}, of its architecture or
   * {@code all}, one per name.
   */
  List<BinaryPackage> siblings(BinaryPackage pkg) {
    Map<String, BinaryPackage> byName = new HashMap<>();
    for (BinaryPackage other : bySource.getOrDefault(key(pkg), List.of())) {
      boolean architecture =
          other.architecture().equals(pkg.architecture()) || other.architecture().equals("all");
      if (architecture && !other.name().equals(pkg.name())) {
        byName.putIfAbsent(other.name(), other);
      }
    }
    return List.copyOf(byName.values());
  }

  /** Returns the binary called {@code name} from the same source upload as {@code pkg}. */
  Optional<BinaryPackage> sibling(BinaryPackage pkg, String name) {
    return siblings(pkg).stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
