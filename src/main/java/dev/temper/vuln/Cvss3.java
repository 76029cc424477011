package dev.temper.vuln;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The base score of a CVSS v3.0 or v3.1 vector, computed with the equations of the CVSS v3.1
 * specification (section 7.1). Both versions share the metrics and weights, and v3.1 changed only
 * the rounding, which this class applies to v3.0 vectors too, so a v3.0 score may differ from the
 * one published by 0.1 in rare cases.
 */
final class Cvss3 {
  private static final List<String> BASE_METRICS =
      List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");

  private Cvss3() {}

  /**
   * Computes the base score of a vector such as {@code
   * CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}.
   *
   * @throws IllegalArgumentException if the prefix is not {@code CVSS:3.0} or {@code CVSS:3.1}, or
   *     a base metric is missing, repeated or has a value the specification does not define
   */
  static double baseScore(String vector) {
    Map<String, String> metrics = parse(vector);
    boolean scopeChanged = value(metrics, "S", "U", "C").equals("C");
    double confidentiality = impactWeight(metrics, "C");
    double integrity = impactWeight(metrics, "I");
    double availability = impactWeight(metrics, "A");
    double iss = 1 - (1 - confidentiality) * (1 - integrity) * (1 - availability);
    double impact =
        scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability =
        8.22
            * attackVector(metrics)
            * (value(metrics, "AC", "L", "H").equals("L") ? 0.77 : 0.44)
            * privilegesRequired(metrics, scopeChanged)
            * (value(metrics, "UI", "N", "R").equals("N") ? 0.85 : 0.62);
    if (impact <= 0) {
      return 0;
    }
    double sum = scopeChanged ? 1.08 * (impact + exploitability) : impact + exploitability;
    return roundUp(Math.min(sum, 10));
  }

  private static Map<String, String> parse(String vector) {
    String[] parts = vector.strip().split("/");
    if (!parts[0].equals("CVSS:3.1") && !parts[0].equals("CVSS:3.0")) {
      throw new IllegalArgumentException("not a CVSS v3 vector: " + vector);
    }
    Map<String, String> metrics = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split(":", -1);
      if (pair.length != 2 || metrics.put(pair[0], pair[1]) != null) {
        throw new IllegalArgumentException(
            "invalid CVSS v3 vector " + vector + ": bad or repeated metric " + parts[i]);
      }
    }
    for (String metric : BASE_METRICS) {
      if (!metrics.containsKey(metric)) {
        throw new IllegalArgumentException(
            "invalid CVSS v3 vector " + vector + ": base metric " + metric + " is missing");
      }
    }
    return metrics;
  }

  private static String value(Map<String, String> metrics, String metric, String... allowed) {
    String value = metrics.get(metric);
    for (String candidate : allowed) {
      if (candidate.equals(value)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "invalid CVSS v3 value " + metric + ":" + value + ", expected one of " + List.of(allowed));
  }

  private static double attackVector(Map<String, String> metrics) {
    return switch (value(metrics, "AV", "N", "A", "L", "P")) {
      case "N" -> 0.85;
      case "A" -> 0.62;
      case "L" -> 0.55;
      default -> 0.2;
    };
  }

  private static double privilegesRequired(Map<String, String> metrics, boolean scopeChanged) {
    return switch (value(metrics, "PR", "N", "L", "H")) {
      case "N" -> 0.85;
      case "L" -> scopeChanged ? 0.68 : 0.62;
      default -> scopeChanged ? 0.5 : 0.27;
    };
  }

  private static double impactWeight(Map<String, String> metrics, String metric) {
    return switch (value(metrics, metric, "H", "L", "N")) {
      case "H" -> 0.56;
      case "L" -> 0.22;
      default -> 0;
    };
  }

  /**
   * Rounds up to one decimal as CVSS v3.1 Appendix A defines it, working in integers so that
   * floating-point noise such as 4.000000000000001 does not round up to 4.1.
   */
  private static double roundUp(double value) {
    long scaled = Math.round(value * 100_000);
    if (scaled % 10_000 == 0) {
      return scaled / 100_000.0;
    }
    return (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
  }
}
