package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import java.util.Comparator;
import java.util.Set;

/**
 * Orders the packages that could satisfy one alternative of a dependency, the best first, by the
 * rules of apt's {@code CompareProviders} for a system with nothing installed:
 *
 * <ol>
 *   <li>a package the request names;
 *   <li>the package that has the relation's name, over those that only provide it;
 *   <li>an {@code Essential: yes} package;
 *   <li>a package of the native architecture ({@code all} counts as native);
 *   <li>the more important {@code Priority}: required, important, standard, optional, extra;
 *   <li>the name that the indexes mention first later (see {@link MentionOrder}).
 * </ol>
 *
 * <p>NOTE: apt also ranks packages that the request pulls in through a single possible solution (it
 * "protects" them) and packages marked {@code Important: yes}; temper does neither.
 */
final class ProviderOrder {
  private ProviderOrder() {}

  /** Returns the order for an alternative naming {@code target}. */
  static Comparator<BinaryPackage> forTarget(
      String target, Set<String> requestedNames, PackageUniverse universe) {
    Comparator<BinaryPackage> order =
        Comparator.comparing((BinaryPackage p) -> !requestedNames.contains(p.name()))
            .thenComparing(p -> !p.name().equals(target))
            .thenComparing(p -> !p.essential())
            .thenComparing(p -> !isNative(p, universe))
            .thenComparingInt(p -> priorityRank(p.priority()));
    return order
        .thenComparing(p -> universe.mentionOrder().of(p.name()), Comparator.reverseOrder())
        .thenComparing(BinaryPackage::describe);
  }

  private static boolean isNative(BinaryPackage pkg, PackageUniverse universe) {
    return universe.effectiveArchitecture(pkg.architecture()).equals(universe.nativeArchitecture());
  }

  /** Returns apt's rank of a priority; a missing or unknown one ranks as optional. */
  static int priorityRank(String priority) {
    if (priority == null) {
      return 4;
    }
    return switch (priority) {
      case "required" -> 1;
      case "important" -> 2;
      case "standard" -> 3;
      case "extra" -> 5;
      default -> 4;
    };
  }
}
