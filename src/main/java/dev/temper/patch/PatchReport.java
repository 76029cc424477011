package dev.temper.patch;

import java.util.List;

/**
 * The updates published for the packages of a spec or an image.
 *
 * @param target the spec file or image reference that was checked
 * @param suites the suites read, in order, as {@code label/suite}
 * @param checked how many installed packages were compared
 * @param updates the packages with a newer version, by name then architecture
 * @param notes what else a reader should know: suites added, packages the repositories lack
 */
public record PatchReport(
    String target,
    List<String> suites,
    int checked,
    List<PackageUpdate> updates,
    List<String> notes) {

  public PatchReport {
    suites = List.copyOf(suites);
    updates = List.copyOf(updates);
    notes = List.copyOf(notes);
  }

  /** Returns every CVE the updates' changelogs name, without repeats, in update order. */
  public List<String> cves() {
    return updates.stream().flatMap(u -> u.cves().stream()).distinct().toList();
  }
}
