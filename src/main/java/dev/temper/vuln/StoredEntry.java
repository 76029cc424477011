package dev.temper.vuln;

import java.util.List;

/**
 * An affected package read back from the store for matching, with the advisory fields a finding
 * needs.
 *
 * @param source where the advisory came from
 * @param advisoryId the advisory's id
 * @param aliases the advisory's aliases
 * @param summary the advisory's summary
 * @param severity the advisory's overall severity
 * @param affected the affected package
 */
public record StoredEntry(
    AdvisorySource source,
    String advisoryId,
    List<String> aliases,
    String summary,
    Severity severity,
    AffectedPackage affected) {

  /** Copies the aliases. */
  public StoredEntry {
    aliases = List.copyOf(aliases);
  }
}
