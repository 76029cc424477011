package dev.temper.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rates OSV records. A CVSS v3 vector in {@code severity} is scored with {@link Cvss3}; without
 * one, the label in {@code database_specific.severity} (GitHub's {@code HIGH}, {@code MODERATE}) or
 * in {@code ecosystem_specific.severity} or {@code .urgency} of an affected package is used.
 */
final class Severities {
  /**
   * A rating and the vector it came from.
   *
   * @param severity the severity, {@link Severity#UNKNOWN} if nothing rates the record
   * @param vector the CVSS vector, or empty
   */
  record Rating(Severity severity, String vector) {}

  private final Consumer<String> problems;

  Severities(Consumer<String> problems) {
    this.problems = problems;
  }

  /** Rates a whole record. */
  Rating rate(JsonNode record) {
    Optional<Rating> scored = cvss(record.path("severity"));
    if (scored.isPresent()) {
      return scored.get();
    }
    return new Rating(label(record.path("database_specific")).orElse(Severity.UNKNOWN), "");
  }

  /** Rates one affected package from its own fields, {@link Severity#UNKNOWN} if it has none. */
  Severity ratePackage(JsonNode affected) {
    return cvss(affected.path("severity"))
        .map(Rating::severity)
        .or(() -> label(affected.path("ecosystem_specific")))
        .or(() -> label(affected.path("database_specific")))
        .orElse(Severity.UNKNOWN);
  }

  private Optional<Rating> cvss(JsonNode severities) {
    for (JsonNode entry : severities) {
      String type = entry.path("type").asText("");
      String vector = entry.path("score").asText("");
      if (type.equals("CVSS_V3")) {
        try {
          return Optional.of(new Rating(Severity.fromScore(Cvss3.baseScore(vector)), vector));
        } catch (IllegalArgumentException e) {
          problems.accept(e.getMessage() + "; severity ignored");
        }
      }
    }
    // NOTE: CVSS v4 vectors are not scored, so a record rated only by one falls back to labels.
    return Optional.empty();
  }

  private static Optional<Severity> label(JsonNode specific) {
    return Severity.fromLabel(specific.path("severity").asText(null))
        .or(() -> Severity.fromLabel(specific.path("urgency").asText(null)));
  }
}
