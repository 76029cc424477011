package dev.temper.vuln;

import java.util.Objects;

/**
 * One event of an OSV {@code ECOSYSTEM} range: the version where the vulnerability was introduced,
 * fixed, last seen, or where the range stops.
 *
 * @param kind what happens at {@code version}
 * @param version the version, or {@code 0} for an {@code introduced} event that means "since the
 *     first version"
 */
public record RangeEvent(Kind kind, String version) {
  /** The event types that OSV defines. */
  public enum Kind {
    INTRODUCED,
    FIXED,
    LAST_AFFECTED,
    LIMIT
  }

  /** Checks that both fields are present. */
  public RangeEvent {
    Objects.requireNonNull(kind, "kind");
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("range event " + kind + " has no version");
    }
  }

  /** Returns whether this is {@code introduced: "0"}, which sorts before every version. */
  public boolean isInitial() {
    return kind == Kind.INTRODUCED && version.equals("0");
  }
}
