package dev.temper.vuln;

import java.util.Locale;
import java.util.Optional;

/** Severity of a finding, in increasing order, so that {@code compareTo} ranks them. */
public enum Severity {
  UNKNOWN,
  /** Debian's {@code unimportant}: affects no Debian binary in a way that matters. */
  NEGLIGIBLE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Returns the lower-case name used in output and options, such as {@code high}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Maps a CVSS base score to its qualitative rating as CVSS v3.1 defines it: 0.1-3.9 low, 4.0-6.9
   * medium, 7.0-8.9 high, 9.0-10.0 critical. A score of 0 is rated negligible.
   */
  public static Severity fromScore(double score) {
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    return score > 0 ? LOW : NEGLIGIBLE;
  }

  /**
   * Reads a severity label as advisory sources write it: the names of this enum, GitHub's {@code
   * MODERATE}, and Debian's urgencies {@code unimportant}, {@code low}, {@code medium}, {@code
   * high} (with any {@code *} markers the tracker appends), or empty for labels such as {@code not
   * yet assigned}.
   */
  public static Optional<Severity> fromLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String key = label.replace("*", "").strip().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "unimportant", "negligible" -> Optional.of(NEGLIGIBLE);
      case "low" -> Optional.of(LOW);
      case "medium", "moderate" -> Optional.of(MEDIUM);
      case "high", "important" -> Optional.of(HIGH);
      case "critical" -> Optional.of(CRITICAL);
      default -> Optional.empty();
    };
  }
}
