package dev.temper.vuln;

import dev.temper.error.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Matches one component against the store. Debian packages are looked up by source package in the
 * image's release and compared by source version in dpkg order, because Debian advisories name
 * source packages and the versions their fixes were uploaded with; a binary's own version can
 * differ (binNMUs, or binaries such as {@code libdevmapper1.02.1} built by {@code lvm2}). Entries
 * that name binaries apply only to those. Maven artifacts are looked up by {@code
 * groupId:artifactId} and compared in Maven's order.
 */
final class ComponentMatcher {
  private final AdvisoryStore store;

  ComponentMatcher(AdvisoryStore store) {
    this.store = store;
  }

  /**
   * Returns one finding per matching advisory entry, before merging.
   *
   * @throws IllegalArgumentException if the component's version is invalid in its ecosystem
   */
  List<Finding> match(Component component, Release release) throws InvalidInputException {
    VersionScheme scheme = VersionScheme.of(component.ecosystem());
    String version =
        component.ecosystem() == Ecosystem.DEBIAN ? component.sourceVersion() : component.version();
    scheme.validate(version);
    String storeRelease = component.ecosystem() == Ecosystem.DEBIAN ? release.storeKey() : "";
    String name =
        component.ecosystem() == Ecosystem.DEBIAN ? component.sourceName() : component.name();

    List<Finding> findings = new ArrayList<>();
    for (StoredEntry entry : store.lookup(component.ecosystem(), storeRelease, name)) {
      AffectedPackage affected = entry.affected();
      if (!affected.coversBinary(component.name())) {
        continue;
      }
      Optional<RangeEvaluator.Verdict> verdict = RangeEvaluator.evaluate(affected, version, scheme);
      if (verdict.isEmpty()) {
        continue;
      }
      Optional<String> fixed = verdict.get().fixedVersion();
      FixStatus status = fixed.isPresent() ? FixStatus.FIXED : affected.unfixedStatus();
      Severity severity =
          affected.severity() != Severity.UNKNOWN ? affected.severity() : entry.severity();
      findings.add(
          new Finding(
              entry.advisoryId(),
              entry.aliases(),
              component,
              name,
              version,
              status,
              fixed,
              severity,
              entry.summary(),
              EnumSet.of(entry.source())));
    }
    return findings;
  }
}
