package dev.temper.vuln;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a version falls in an affected package's ranges, following the evaluation that
 * the OSV schema describes: events sorted by version, {@code introduced} and {@code fixed} switch
 * the state at their version, {@code last_affected} switches it off just after its version, and a
 * version at or above a {@code limit} is outside the range.
 */
final class RangeEvaluator {
  /**
   * The outcome for an affected version.
   *
   * @param fixedVersion the lowest fixed version above the installed one, if a range has one
   */
  record Verdict(Optional<String> fixedVersion) {}

  private RangeEvaluator() {}

  /** Returns the verdict if {@code version} is affected, or empty if it is not. */
  static Optional<Verdict> evaluate(
      AffectedPackage affected, String version, VersionScheme scheme) {
    boolean hit = false;
    Optional<String> fixed = Optional.empty();
    for (List<RangeEvent> range : affected.ranges()) {
      List<RangeEvent> events = sorted(range, scheme);
      if (inRange(events, version, scheme)) {
        hit = true;
        Optional<String> rangeFix = firstFixAbove(events, version, scheme);
        if (rangeFix.isPresent()
            && (fixed.isEmpty() || scheme.compare(rangeFix.get(), fixed.get()) < 0)) {
          fixed = rangeFix;
        }
      }
    }
    for (String listed : affected.versions()) {
      if (scheme.compare(listed, version) == 0) {
        hit = true;
      }
    }
    return hit ? Optional.of(new Verdict(fixed)) : Optional.empty();
  }

  private static boolean inRange(List<RangeEvent> events, String version, VersionScheme scheme) {
    boolean affected = false;
    boolean hasLimit = false;
    boolean belowALimit = false;
    for (RangeEvent event : events) {
      int order = event.isInitial() ? -1 : scheme.compare(event.version(), version);
      switch (event.kind()) {
        case INTRODUCED -> affected |= order <= 0;
        case FIXED -> affected &= order > 0;
        case LAST_AFFECTED -> affected &= order >= 0;
        case LIMIT -> {
          hasLimit = true;
          belowALimit |= order > 0;
        }
      }
    }
    return affected && (!hasLimit || belowALimit);
  }

  private static Optional<String> firstFixAbove(
      List<RangeEvent> events, String version, VersionScheme scheme) {
    return events.stream()
        .filter(event -> event.kind() == RangeEvent.Kind.FIXED)
        .filter(event -> scheme.compare(event.version(), version) > 0)
        .map(RangeEvent::version)
        .findFirst();
  }

  private static List<RangeEvent> sorted(List<RangeEvent> range, VersionScheme scheme) {
    Comparator<RangeEvent> byVersion =
        (left, right) -> {
          if (left.isInitial() || right.isInitial()) {
            return Boolean.compare(!left.isInitial(), !right.isInitial());
          }
          return scheme.compare(left.version(), right.version());
        };
    List<RangeEvent> events = new ArrayList<>(range);
    events.sort(byVersion.thenComparing(RangeEvent::kind));
    return events;
  }
}
