package dev.temper.vuln;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One advisory as the store keeps it, normalized from OSV or the Debian security tracker.
 *
 * @param id the record id, such as {@code DSA-5514-1}, {@code GHSA-22wj-vf5f-wrvj} or a CVE id
 * @param aliases other ids of the same vulnerability, such as CVE ids
 * @param related ids of related but different vulnerabilities
 * @param summary a one-line description, possibly empty
 * @param modified when the source last changed the record, if the source states it
 * @param withdrawn whether the source withdrew the record, so that it never matches
 * @param severity the advisory's overall severity
 * @param cvssVector the CVSS vector the severity came from, or empty
 * @param affected the affected packages in the supported ecosystems
 */
public record Advisory(
    String id,
    List<String> aliases,
    List<String> related,
    String summary,
    Optional<Instant> modified,
    boolean withdrawn,
    Severity severity,
    String cvssVector,
    List<AffectedPackage> affected) {

  /** Copies the lists and checks the fields. */
  public Advisory {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("advisory id is missing");
    }
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    summary = Objects.requireNonNullElse(summary, "");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(severity, "severity");
    cvssVector = Objects.requireNonNullElse(cvssVector, "");
    affected = List.copyOf(affected);
  }
}
