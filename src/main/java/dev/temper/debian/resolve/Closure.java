package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.Dependency;
import dev.temper.debian.Relation;
import dev.temper.error.UnsatisfiableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one resolve: the selected packages, indexed by name and by what they provide, and an
 * undo log so that a failed alternative leaves nothing behind. Dependencies are followed depth
 * first in field order, {@code Pre-Depends} before {@code Depends}, the way apt's {@code
 * MarkInstall} walks them; a package is selected before its dependencies are looked at, so cycles
 * end there.
 */
final class Closure {
  /** Bounds the work on hostile indexes; real requests select a few hundred packages. */
  static final int MAX_SELECTIONS = 200_000;

  /** Bounds the recursion; real dependency chains are a few dozen long. */
  static final int MAX_DEPTH = 500;

  private final PackageUniverse universe;
  private final RelationMatch match;
  private final Set<String> exclude;
  private final Map<String, BinaryPackage> pins = new HashMap<>();
  private final Set<String> requestedNames = new LinkedHashSet<>();
  private final List<BinaryPackage> selected = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();
  private final Map<String, List<BinaryPackage>> selectedByName = new HashMap<>();
  private final Map<String, List<PackageUniverse.Provider>> selectedProvides = new HashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final Explainer explainer;
  private int selections;

  Closure(PackageUniverse universe, Set<String> exclude) {
    this.universe = universe;
    this.match = new RelationMatch(universe.nativeArchitecture());
    this.exclude = exclude;
    this.explainer = new Explainer(this);
  }

  PackageUniverse universe() {
    return universe;
  }

  boolean isExcluded(String name) {
    return exclude.contains(name);
  }

  /** Makes a requested version the candidate of its package, as {@code apt-get install p=v}. */
  void pin(BinaryPackage pkg) {
    pins.put(key(pkg.name(), pkg.architecture()), pkg);
  }

  /** Selects a requested package, before any dependency is followed. */
  void selectRequested(BinaryPackage pkg) throws UnsatisfiableException {
    Optional<String> conflict = conflictWithSelected(pkg);
    if (conflict.isPresent()) {
      throw new UnsatisfiableException(
          "requested " + pkg.describe() + " cannot be installed: " + conflict.get());
    }
    requestedNames.add(pkg.name());
    select(pkg, "requested");
  }

  /** Returns the candidates of a name, one per architecture, with requested versions pinned. */
  List<BinaryPackage> candidatesOf(String name) {
    List<BinaryPackage> candidates = universe.candidates(name);
    if (pins.isEmpty()) {
      return candidates;
    }
    List<BinaryPackage> result = new ArrayList<>(candidates.size());
    for (BinaryPackage candidate : candidates) {
      result.add(pins.getOrDefault(key(name, candidate.architecture()), candidate));
    }
    return result;
  }

  /** Returns whether a version is the candidate of its package. */
  boolean isCandidate(BinaryPackage pkg) {
    for (BinaryPackage candidate : candidatesOf(pkg.name())) {
      if (candidate == pkg) {
        return true;
      }
    }
    return false;
  }

  /**
   * Selects what the dependencies of a selected package need.
   *
   * @return empty on success, else why a dependency cannot be satisfied. On failure the caller
   *     undoes what this call selected, from the mark it took before selecting the package.
   */
  Optional<String> installDependencies(BinaryPackage pkg, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.of(
          "dependency chain below " + pkg.describe() + " is deeper than " + MAX_DEPTH);
    }
    for (String field : List.of("Pre-Depends", "Depends")) {
      List<Dependency> groups = field.equals("Depends") ? pkg.depends() : pkg.preDepends();
      for (Dependency group : groups) {
        Optional<String> failure = satisfy(group, field, pkg, depth);
        if (failure.isPresent()) {
          return failure;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> satisfy(Dependency group, String field, BinaryPackage pkg, int depth) {
    if (isSatisfied(group, pkg)) {
      return Optional.empty();
    }
    List<BinaryPackage> solutions = possibleSolutions(group, pkg);
    List<String> rejected = new ArrayList<>();
    for (BinaryPackage solution : solutions) {
      if (++selections > MAX_SELECTIONS) {
        return Optional.of("gave up after trying " + MAX_SELECTIONS + " selections");
      }
      Optional<String> conflict = conflictWithSelected(solution);
      if (conflict.isPresent()) {
        rejected.add(conflict.get());
        continue;
      }
      int mark = selected.size();
      int noteMark = notes.size();
      select(solution, field + " of " + pkg.describe() + ": " + group);
      Optional<String> failure = installDependencies(solution, depth + 1);
      if (failure.isEmpty()) {
        if (!rejected.isEmpty()) {
          notes.add(
              "selected "
                  + solution.describe()
                  + " for "
                  + group
                  + " ("
                  + field
                  + " of "
                  + pkg.describe()
                  + "): "
                  + String.join("; ", rejected));
        }
        return Optional.empty();
      }
      rollback(mark, noteMark);
      rejected.add(solution.describe() + " cannot be installed: " + failure.get());
    }
    String reason =
        solutions.isEmpty() ? explainer.noCandidate(group, pkg) : String.join("; ", rejected);
    return Optional.of(group + " required by " + pkg.describe() + ": " + reason);
  }

  /** Returns whether a selected or excluded package already satisfies one of the alternatives. */
  boolean isSatisfied(Dependency group, BinaryPackage depender) {
    String arch = depender.architecture();
    for (Relation relation : group.alternatives()) {
      if (exclude.contains(relation.name())) {
        return true;
      }
      for (BinaryPackage pkg : selectedByName.getOrDefault(relation.name(), List.of())) {
        if (match.byPackage(relation, arch, pkg)) {
          return true;
        }
      }
      for (PackageUniverse.Provider p : selectedProvides.getOrDefault(relation.name(), List.of())) {
        if (match.byProvide(relation, arch, p.pkg(), p.provided())) {
          return true;
        }
      }
      for (PackageUniverse.Provider p : universe.providersOf(relation.name())) {
        if (exclude.contains(p.pkg().name())
            && isCandidate(p.pkg())
            && match.byProvide(relation, arch, p.pkg(), p.provided())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the candidates that satisfy the group: alternative by alternative, each one's in {@link
   * ProviderOrder}, excluded packages left out.
   */
  List<BinaryPackage> possibleSolutions(Dependency group, BinaryPackage depender) {
    LinkedHashSet<BinaryPackage> result = new LinkedHashSet<>();
    for (Relation relation : group.alternatives()) {
      List<BinaryPackage> fits = new ArrayList<>(2);
      for (BinaryPackage candidate : candidatesOf(relation.name())) {
        if (match.byPackage(relation, depender.architecture(), candidate)) {
          fits.add(candidate);
        }
      }
      for (PackageUniverse.Provider p : universe.providersOf(relation.name())) {
        if (!exclude.contains(p.pkg().name())
            && !fits.contains(p.pkg())
            && isCandidate(p.pkg())
            && match.byProvide(relation, depender.architecture(), p.pkg(), p.provided())) {
          fits.add(p.pkg());
        }
      }
      if (fits.size() > 1) {
        fits.sort(ProviderOrder.forTarget(relation.name(), requestedNames, universe));
      }
      result.addAll(fits);
    }
    return new ArrayList<>(result);
  }

  /** Returns why a package cannot join the selection because of Conflicts or Breaks, if so. */
  Optional<String> conflictWithSelected(BinaryPackage candidate) {
    for (BinaryPackage other : selected) {
      Optional<String> hit = negativeHit(candidate, other);
      if (hit.isEmpty()) {
        hit = negativeHit(other, candidate);
      }
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private Optional<String> negativeHit(BinaryPackage owner, BinaryPackage target) {
    for (Relation relation : owner.conflicts()) {
      if (match.hits(relation, owner, target)) {
        return Optional.of(describeHit(owner, "conflicts with", target, "Conflicts", relation));
      }
    }
    for (Relation relation : owner.breaks()) {
      if (match.hits(relation, owner, target)) {
        return Optional.of(describeHit(owner, "breaks", target, "Breaks", relation));
      }
    }
    return Optional.empty();
  }

  private static String describeHit(
      BinaryPackage owner, String verb, BinaryPackage target, String field, Relation relation) {
    return owner.describe()
        + " "
        + verb
        + " "
        + target.describe()
        + " ("
        + field
        + ": "
        + relation
        + ")";
  }

  private void select(BinaryPackage pkg, String reason) {
    selected.add(pkg);
    reasons.add(reason);
    selectedByName.computeIfAbsent(pkg.name(), n -> new ArrayList<>(1)).add(pkg);
    if (pkg.relationFields().provides() != null) {
      for (Relation provided : pkg.provides()) {
        selectedProvides
            .computeIfAbsent(provided.name(), n -> new ArrayList<>(1))
            .add(new PackageUniverse.Provider(pkg, provided));
      }
    }
  }

  private void rollback(int mark, int noteMark) {
    while (selected.size() > mark) {
      BinaryPackage pkg = selected.remove(selected.size() - 1);
      reasons.remove(reasons.size() - 1);
      removeLast(selectedByName, pkg.name());
      if (pkg.relationFields().provides() != null) {
        for (Relation provided : pkg.provides()) {
          removeLast(selectedProvides, provided.name());
        }
      }
    }
    notes.subList(noteMark, notes.size()).clear();
  }

  private static <T> void removeLast(Map<String, List<T>> index, String name) {
    List<T> list = index.get(name);
    list.remove(list.size() - 1);
    if (list.isEmpty()) {
      index.remove(name);
    }
  }

  /** Returns the selection, sorted by name and architecture. */
  Resolution result() {
    Map<String, String> reasonByPackage = new HashMap<>();
    for (int i = 0; i < selected.size(); i++) {
      reasonByPackage.put(selected.get(i).describe(), reasons.get(i));
    }
    List<BinaryPackage> sorted = new ArrayList<>(selected);
    sorted.sort(
        Comparator.comparing(BinaryPackage::name).thenComparing(BinaryPackage::architecture));
    return new Resolution(sorted, reasonByPackage, notes);
  }

  private String key(String name, String architecture) {
    return name + ':' + universe.effectiveArchitecture(architecture);
  }
}
