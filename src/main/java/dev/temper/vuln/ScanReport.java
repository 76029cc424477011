package dev.temper.vuln;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a scan.
 *
 * @param release the release the components were matched in
 * @param scannedAt when the scan ran
 * @param componentCount how many components were checked
 * @param findings the findings left after suppression and filtering, most severe first
 * @param suppressed the findings that VEX statements or ignore entries suppressed
 * @param omittedWithoutFix how many findings {@code onlyFixed} left out
 * @param sources the advisory sources in the store, with their age
 * @param warnings stale data, expired ignore entries and skipped components, in words
 * @param failOn the severity threshold of the policy, if any
 */
public record ScanReport(
    Release release,
    Instant scannedAt,
    int componentCount,
    List<Finding> findings,
    List<Suppression> suppressed,
    int omittedWithoutFix,
    List<SourceStatus> sources,
    List<String> warnings,
    Optional<Severity> failOn) {

  /** Copies the lists. */
  public ScanReport {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
    sources = List.copyOf(sources);
    warnings = List.copyOf(warnings);
  }

  /** Returns the findings at or above the policy's threshold, which make the policy fail. */
  public List<Finding> policyViolations() {
    if (failOn.isEmpty()) {
      return List.of();
    }
    return findings.stream()
        .filter(finding -> finding.severity().compareTo(failOn.get()) >= 0)
        .toList();
  }

  /** Returns whether a finding at or above the threshold remains. */
  public boolean policyFailed() {
    return !policyViolations().isEmpty();
  }
}
