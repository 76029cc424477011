package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.Dependency;
import dev.temper.debian.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says why no candidate fits a dependency, such as {@code candidates libfoo=1.5 do not satisfy >=
 * 2}, naming each candidate and each provider that was looked at.
 */
final class Explainer {
  private final Closure closure;

  Explainer(Closure closure) {
    this.closure = closure;
  }

  /** Explains a group for which no candidate of any alternative fits. */
  String noCandidate(Dependency group, BinaryPackage depender) {
    if (group.alternatives().size() == 1) {
      return noCandidate(group.alternatives().get(0), depender);
    }
    List<String> parts = new ArrayList<>();
    for (Relation relation : group.alternatives()) {
      parts.add(relation.name() + ": " + noCandidate(relation, depender));
    }
    return String.join("; ", parts);
  }

  private String noCandidate(Relation relation, BinaryPackage depender) {
    List<String> seen = new ArrayList<>();
    for (BinaryPackage candidate : closure.candidatesOf(relation.name())) {
      seen.add(
          candidate.name() + "=" + candidate.version() + archSuffix(candidate, depender, relation));
    }
    for (PackageUniverse.Provider p : closure.universe().providersOf(relation.name())) {
      if (closure.isCandidate(p.pkg()) && !closure.isExcluded(p.pkg().name())) {
        seen.add(p.pkg().name() + "=" + p.pkg().version() + " (provides " + p.provided() + ")");
      }
    }
    if (seen.isEmpty()) {
      return "no package or provider named " + relation.name() + " in the suites read";
    }
    return "candidates " + String.join(", ", seen) + " do not satisfy " + constraint(relation);
  }

  /** Names the architecture and Multi-Arch value when they may be why a candidate does not fit. */
  private String archSuffix(BinaryPackage candidate, BinaryPackage depender, Relation relation) {
    PackageUniverse universe = closure.universe();
    String arch = universe.effectiveArchitecture(candidate.architecture());
    boolean sameArch = arch.equals(universe.effectiveArchitecture(depender.architecture()));
    if (sameArch && relation.archQualifier() == null) {
      return "";
    }
    String multiArch = candidate.multiArch().name().toLowerCase(Locale.ROOT);
    return ":" + candidate.architecture() + " (Multi-Arch: " + multiArch + ")";
  }

  private static String constraint(Relation relation) {
    List<String> parts = new ArrayList<>();
    if (relation.archQualifier() != null) {
      parts.add(":" + relation.archQualifier());
    }
    if (relation.isVersioned()) {
      parts.add(relation.operator().symbol() + " " + relation.version());
    }
    if (parts.isEmpty()) {
      return relation.name() + " for the architecture of the package that needs it";
    }
    return String.join(" ", parts);
  }
}
