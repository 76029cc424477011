package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import java.util.List;
import java.util.Map;

/**
 * The packages a request resolved to.
 *
 * @param packages the selected packages, sorted by name and architecture
 * @param reasons why each package was selected, keyed by {@link BinaryPackage#describe()}: {@code
 *     requested}, or the relation and the package that needed it
 * @param notes choices that a {@code Conflicts} or {@code Breaks} forced, in the order they were
 *     made, such as an alternative skipped because it conflicts with a selected package
 */
public record Resolution(
    List<BinaryPackage> packages, Map<String, String> reasons, List<String> notes) {

  /** Copies the lists and the map. */
  public Resolution {
    packages = List.copyOf(packages);
    reasons = Map.copyOf(reasons);
    notes = List.copyOf(notes);
  }

  /** Returns why a selected package is there, or null for a package not selected. */
  public String reason(BinaryPackage pkg) {
    return reasons.get(pkg.describe());
  }

  /**
   * Returns the selected packages marked {@code Essential: yes}. Like apt with an empty status
   * file, the resolver adds no essential package unless a selected package depends on it. This list
   * only records which of the selected packages are essential.
   */
  public List<BinaryPackage> essential() {
    return packages.stream().filter(BinaryPackage::essential).toList();
  }
}
