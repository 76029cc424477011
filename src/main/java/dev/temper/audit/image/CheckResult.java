package dev.temper.audit.image;

import java.util.List;

/**
 * The outcome of one audit check.
 *
 * @param id temper's check id, such as {@code TA001}
 * @param dockleId the matching Dockle or CIS-DI check id, or null when none matches
 * @param level the outcome
 * @param title what the check looks for
 * @param evidence what was found, empty when the check passed
 * @param fix how to fix a failure or warning
 */
public record CheckResult(
    String id, String dockleId, Level level, String title, List<Evidence> evidence, String fix) {
  public CheckResult {
    evidence = List.copyOf(evidence);
  }
}
