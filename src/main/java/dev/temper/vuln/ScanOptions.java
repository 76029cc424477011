package dev.temper.vuln;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a scan: which findings it reports and when its policy fails.
 *
 * @param failOn the lowest severity that fails the policy, or empty to never fail on findings
 * @param onlyFixed whether findings without a published fix are left out
 * @param vex VEX documents whose statements suppress findings
 * @param ignores ignore-file entries that suppress findings until they expire
 * @param maxDatabaseAge the age of imported advisory data above which the report warns
 */
public record ScanOptions(
    Optional<Severity> failOn,
    boolean onlyFixed,
    List<VexDocument> vex,
    List<IgnoreRule> ignores,
    Duration maxDatabaseAge) {

  /** The default age above which the advisory data counts as stale. */
  public static final Duration DEFAULT_MAX_DATABASE_AGE = Duration.ofDays(7);

  /** Copies the lists and checks the fields. */
  public ScanOptions {
    Objects.requireNonNull(failOn, "failOn");
    vex = List.copyOf(vex);
    ignores = List.copyOf(ignores);
    Objects.requireNonNull(maxDatabaseAge, "maxDatabaseAge");
  }

  /** Returns options that report every finding and never fail. */
  public static ScanOptions defaults() {
    return new ScanOptions(Optional.empty(), false, List.of(), List.of(), DEFAULT_MAX_DATABASE_AGE);
  }
}
