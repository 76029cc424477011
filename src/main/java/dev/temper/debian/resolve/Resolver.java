package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.Version;
import dev.temper.error.InvalidInputException;
import dev.temper.error.UnsatisfiableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves a request the way {@code apt-get install --no-install-recommends} picks packages on a
 * system with an empty dpkg status:
 *
 * <ol>
 *   <li>each request names a package and takes its candidate, or the version it gives; a name that
 *       exactly one package provides means that package, and one that several provide is an error,
 *       as in apt;
 *   <li>all requested packages are selected first, then the dependencies of each are followed in
 *       request order, depth first;
 *   <li>a dependency that a selected or excluded package already satisfies needs nothing; otherwise
 *       the candidates of its alternatives are tried in order (see {@link ProviderOrder}), and the
 *       first that conflicts with nothing selected and whose own dependencies resolve is selected.
 * </ol>
 *
 * <p>Unlike apt, a candidate whose dependencies fail leaves nothing selected behind, and a
 * candidate that conflicts with a selected package is skipped instead of displacing it. Recommends
 * and Suggests are never followed, and no {@code Essential: yes} package is added unless a selected
 * package depends on it, which is what apt does with an empty status.
 */
public final class Resolver {
  private Resolver() {}

  /**
   * Resolves a request against a universe.
   *
   * @throws UnsatisfiableException naming the package, the relation and why no candidate fits
   * @throws InvalidInputException when a request is malformed or a needed package has a malformed
   *     relationship field
   */
  public static Resolution resolve(PackageUniverse universe, ResolveRequest request)
      throws InvalidInputException {
    Closure closure = new Closure(universe, request.exclude());
    try {
      List<BinaryPackage> roots = new ArrayList<>();
      for (String text : request.packages()) {
        BinaryPackage root = find(universe, closure, text);
        for (BinaryPackage other : roots) {
          if (other != root
              && other.name().equals(root.name())
              && sameArch(universe, other, universe.effectiveArchitecture(root.architecture()))) {
            throw new UnsatisfiableException(
                "requested both " + other.describe() + " and " + root.describe());
          }
        }
        if (!roots.contains(root)) {
          roots.add(root);
        }
      }
      for (BinaryPackage root : roots) {
        closure.selectRequested(root);
      }
      for (BinaryPackage root : roots) {
        Optional<String> failure = closure.installDependencies(root, 0);
        if (failure.isPresent()) {
          throw new UnsatisfiableException(failure.get());
        }
      }
    } catch (IllegalArgumentException e) {
      // A relationship field of a package on the way does not parse; the message names it.
      throw new InvalidInputException(e.getMessage(), e);
    }
    return closure.result();
  }

  private static BinaryPackage find(PackageUniverse universe, Closure closure, String text)
      throws InvalidInputException {
    PackageRequest request = PackageRequest.parse(text, universe.nativeArchitecture());
    if (!universe.hasArchitecture(request.architecture())) {
      throw new UnsatisfiableException(
          "cannot install '"
              + text
              + "': architecture "
              + request.architecture()
              + " is not among the spec's architectures");
    }
    List<BinaryPackage> versions =
        universe.versions(request.name()).stream()
            .filter(p -> sameArch(universe, p, request.architecture()))
            .toList();
    if (versions.isEmpty()) {
      return onlyProvider(universe, closure, request, text);
    }
    if (request.version() == null) {
      // The candidate, or the version an earlier request pinned.
      return closure.candidatesOf(request.name()).stream()
          .filter(p -> sameArch(universe, p, request.architecture()))
          .findFirst()
          .orElseThrow();
    }
    Version expected = Version.parse(request.version());
    for (BinaryPackage pkg : versions) {
      if (pkg.version().equals(expected)) {
        closure.pin(pkg);
        return pkg;
      }
    }
    throw new UnsatisfiableException(
        "cannot install '"
            + text
            + "': version "
            + expected
            + " is not in the suites read; "
            + "they have "
            + versions.stream().map(p -> p.version().toString()).collect(Collectors.joining(", ")));
  }

  /** Stands for a virtual package as apt does: its one provider, or an error naming them all. */
  private static BinaryPackage onlyProvider(
      PackageUniverse universe, Closure closure, PackageRequest request, String text)
      throws UnsatisfiableException {
    List<BinaryPackage> providers =
        universe.providersOf(request.name()).stream()
            .map(PackageUniverse.Provider::pkg)
            .filter(closure::isCandidate)
            .filter(p -> sameArch(universe, p, request.architecture()))
            .distinct()
            .toList();
    if (providers.size() == 1 && request.version() == null) {
      return providers.get(0);
    }
    if (providers.isEmpty()) {
      throw new UnsatisfiableException(
          "cannot install '" + text + "': no package " + request.name() + " in the suites read");
    }
    String names =
        providers.stream().map(BinaryPackage::describe).sorted().collect(Collectors.joining(", "));
    throw new UnsatisfiableException(
        "cannot install '"
            + text
            + "': "
            + request.name()
            + " is a virtual package provided by "
            + names
            + "; request one of them by name");
  }

  private static boolean sameArch(PackageUniverse universe, BinaryPackage pkg, String arch) {
    return universe.effectiveArchitecture(pkg.architecture()).equals(arch);
  }
}
