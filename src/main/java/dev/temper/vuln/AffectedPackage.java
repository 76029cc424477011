package dev.temper.vuln;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package that one advisory affects in one release.
 *
 * @param ecosystem the package's ecosystem
 * @param release the Debian release number such as {@code 12}, {@code sid}, or empty for Maven
 * @param name the Debian source package, or {@code groupId:artifactId}
 * @param binaries the Debian binary packages the advisory is limited to, or empty for all binaries
 *     built from the source
 * @param ranges the OSV {@code ECOSYSTEM} ranges, each a list of events
 * @param versions versions listed as affected on their own, outside any range
 * @param unfixedStatus the status of an affected version that no range fixes, which is {@link
 *     FixStatus#UNFIXED} unless the source states a deferral or a decision not to fix
 * @param severity the severity that the source assigns for this package, or {@link
 *     Severity#UNKNOWN} when only the advisory as a whole has one
 */
public record AffectedPackage(
    Ecosystem ecosystem,
    String release,
    String name,
    List<String> binaries,
    List<List<RangeEvent>> ranges,
    List<String> versions,
    FixStatus unfixedStatus,
    Severity severity) {

  /** Copies the lists and checks the fields. */
  public AffectedPackage {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(name, "name");
    binaries = List.copyOf(binaries);
    ranges = ranges.stream().map(List::copyOf).toList();
    versions = List.copyOf(versions);
    Objects.requireNonNull(unfixedStatus, "unfixedStatus");
    Objects.requireNonNull(severity, "severity");
  }

  /** Returns whether the advisory applies to this binary package built from the source. */
  public boolean coversBinary(String binary) {
    return binaries.isEmpty() || binaries.contains(binary);
  }

  /** Returns the single fixed version of a one-range entry, as the Debian tracker states it. */
  public Optional<String> singleFixedVersion() {
    if (ranges.size() != 1) {
      return Optional.empty();
    }
    return ranges.get(0).stream()
        .filter(event -> event.kind() == RangeEvent.Kind.FIXED)
        .map(RangeEvent::version)
        .findFirst();
  }
}
