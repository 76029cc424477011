package dev.temper.vuln;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The metadata the store keeps for one source.
 *
 * @param source the advisory source
 * @param importedAt when the last import of this source committed
 * @param recordCount the number of advisories from this source, withdrawn ones included
 * @param newestModified the latest modification time among those advisories, if any states one
 */
public record SourceStatus(
    AdvisorySource source, Instant importedAt, long recordCount, Optional<Instant> newestModified) {

  /** Returns how long ago the source was imported, as seen at {@code now}. */
  public Duration age(Instant now) {
    Duration age = Duration.between(importedAt, now);
    return age.isNegative() ? Duration.ZERO : age;
  }
}
