package dev.temper.vuln;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an ignore file: a vulnerability id to suppress, why, and until when.
 *
 * @param id the vulnerability id or alias, such as {@code CVE-2023-4911}
 * @param reason why the finding is accepted
 * @param expires the instant from which the entry no longer suppresses, if any
 * @param packageName the component or source package the entry is limited to, if any
 */
public record IgnoreRule(
    String id, String reason, Optional<Instant> expires, Optional<String> packageName) {

  /** Checks the fields. */
  public IgnoreRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(packageName, "packageName");
  }

  /** Returns whether the entry has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expires.isPresent() && !now.isBefore(expires.get());
  }

  /** Returns whether the entry names the finding's vulnerability and package. */
  boolean covers(Finding finding) {
    boolean packageMatches =
        packageName.isEmpty()
            || packageName.get().equals(finding.component().name())
            || packageName.get().equals(finding.matchedPackage());
    return packageMatches && finding.isKnownAs(id);
  }
}
