package dev.temper.audit;

import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Evidence;
import dev.temper.sbom.DebianPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two images side by side, the "typical versus hardened" view: size, layers, packages added,
 * removed and changed, shells and package managers, findings by severity and audit results.
 *
 * @param before the first image
 * @param after the second image
 * @param added packages only in the second image
 * @param removed packages only in the first image
 * @param changed packages in both with different versions
 * @param findingsBefore vulnerability findings of the first image by severity, empty without data
 * @param findingsAfter vulnerability findings of the second image by severity, empty without data
 */
public record ImageComparison(
    ImageAnalysis before,
    ImageAnalysis after,
    List<PackageChange> added,
    List<PackageChange> removed,
    List<PackageChange> changed,
    Map<String, Integer> findingsBefore,
    Map<String, Integer> findingsAfter) {

  public ImageComparison {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
    findingsBefore = java.util.Collections.unmodifiableMap(new TreeMap<>(findingsBefore));
    findingsAfter = java.util.Collections.unmodifiableMap(new TreeMap<>(findingsAfter));
  }

  /**
   * A package that differs between the images.
   *
   * @param name the binary package name
   * @param architecture its architecture
   * @param before its version in the first image, or null when it is only in the second
   * @param after its version in the second image, or null when it is only in the first
   */
  public record PackageChange(String name, String architecture, String before, String after) {}

  /** Compares two analysed images; the finding counts come from a scan, or are empty. */
  public static ImageComparison compare(
      ImageAnalysis before,
      ImageAnalysis after,
      Map<String, Integer> findingsBefore,
      Map<String, Integer> findingsAfter) {
    Map<String, DebianPackage> first = byKey(before);
    Map<String, DebianPackage> second = byKey(after);
    List<PackageChange> added = new ArrayList<>();
    List<PackageChange> removed = new ArrayList<>();
    List<PackageChange> changed = new ArrayList<>();
    for (Map.Entry<String, DebianPackage> entry : first.entrySet()) {
      DebianPackage old = entry.getValue();
      DebianPackage now = second.get(entry.getKey());
      if (now == null) {
        removed.add(new PackageChange(old.name(), old.architecture(), old.version(), null));
      } else if (!now.version().equals(old.version())) {
        changed.add(
            new PackageChange(old.name(), old.architecture(), old.version(), now.version()));
      }
    }
    for (Map.Entry<String, DebianPackage> entry : second.entrySet()) {
      if (!first.containsKey(entry.getKey())) {
        DebianPackage now = entry.getValue();
        added.add(new PackageChange(now.name(), now.architecture(), null, now.version()));
      }
    }
    return new ImageComparison(
        before, after, added, removed, changed, findingsBefore, findingsAfter);
  }

  /** Returns the paths of the evidence of one audit check, such as the shells found. */
  public static List<String> evidencePaths(ImageAnalysis analysis, String checkId) {
    return analysis.audit().stream()
        .filter(r -> r.id().equals(checkId))
        .map(CheckResult::evidence)
        .flatMap(List::stream)
        .map(Evidence::path)
        .toList();
  }

  private static Map<String, DebianPackage> byKey(ImageAnalysis analysis) {
    Map<String, DebianPackage> packages = new TreeMap<>();
    for (DebianPackage p : analysis.inventory().debianPackages()) {
      packages.put(p.name() + ":" + p.architecture(), p);
    }
    return packages;
  }
}
