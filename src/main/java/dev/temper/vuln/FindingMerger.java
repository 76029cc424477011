package dev.temper.vuln;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges findings of one component that share a CVE id, such as a DSA from OSV and the CVE entry of
 * the Debian tracker. Every finding, merged or not, is named by its first CVE id in sorted order
 * when it has one, so one vulnerability has one name in every report, and keeps its other ids as
 * aliases. A merged finding takes the highest severity. It is fixed if any source names a fix, in
 * the highest fixed version named, because only that version contains every source's fix.
 */
final class FindingMerger {
  private FindingMerger() {}

  /** Returns the merged findings, in the order of their first part. */
  static List<Finding> merge(List<Finding> findings) {
    Map<Component, List<List<Finding>>> groups = new LinkedHashMap<>();
    for (Finding finding : findings) {
      List<List<Finding>> componentGroups =
          groups.computeIfAbsent(finding.component(), key -> new ArrayList<>());
      addToGroup(componentGroups, finding);
    }
    List<Finding> merged = new ArrayList<>();
    for (List<List<Finding>> componentGroups : groups.values()) {
      for (List<Finding> group : componentGroups) {
        merged.add(combine(group));
      }
    }
    return List.copyOf(merged);
  }

  /** Adds a finding to the group it shares a CVE id with, joining groups it connects. */
  private static void addToGroup(List<List<Finding>> groups, Finding finding) {
    List<Finding> target = null;
    for (var iterator = groups.iterator(); iterator.hasNext(); ) {
      List<Finding> group = iterator.next();
      if (group.stream().anyMatch(member -> sharesCve(member, finding))) {
        if (target == null) {
          target = group;
        } else {
          target.addAll(group);
          iterator.remove();
        }
      }
    }
    if (target == null) {
      target = new ArrayList<>();
      groups.add(target);
    }
    target.add(finding);
  }

  private static boolean sharesCve(Finding left, Finding right) {
    List<String> cves = right.cveIds();
    return left.cveIds().stream().anyMatch(cves::contains);
  }

  private static Finding combine(List<Finding> group) {
    Set<String> ids = new TreeSet<>();
    Set<AdvisorySource> sources = EnumSet.noneOf(AdvisorySource.class);
    Severity severity = Severity.UNKNOWN;
    String summary = "";
    for (Finding finding : group) {
      ids.addAll(finding.allIds());
      sources.addAll(finding.sources());
      severity = finding.severity().compareTo(severity) > 0 ? finding.severity() : severity;
      summary = summary.isEmpty() ? finding.summary() : summary;
    }
    Finding first = group.get(0);
    String primary =
        group.stream()
            .flatMap(finding -> finding.cveIds().stream())
            .sorted()
            .findFirst()
            .orElse(first.id());
    ids.remove(primary);
    VersionScheme scheme = VersionScheme.of(first.component().ecosystem());
    Optional<String> fixed =
        group.stream()
            .map(Finding::fixedVersion)
            .flatMap(Optional::stream)
            .max((left, right) -> scheme.compare(left, right));
    FixStatus status =
        fixed.isPresent()
            ? FixStatus.FIXED
            : group.stream()
                .map(Finding::status)
                .max(Comparator.comparing(FindingMerger::rank))
                .get();
    return new Finding(
        primary,
        List.copyOf(ids),
        first.component(),
        first.matchedPackage(),
        first.matchedVersion(),
        status,
        fixed,
        severity,
        summary,
        sources);
  }

  /** Ranks statuses without a fix: a stated decision outranks the plain "unfixed". */
  private static int rank(FixStatus status) {
    return switch (status) {
      case WILL_NOT_FIX -> 3;
      case FIX_DEFERRED -> 2;
      default -> 1;
    };
  }
}
