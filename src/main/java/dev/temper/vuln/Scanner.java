package dev.temper.vuln;

import dev.temper.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Matches components against the advisory store and applies the scan options: merges findings that
 * share a CVE, suppresses those that VEX or the ignore entries cover, leaves out unfixed ones on
 * request, and warns about stale advisory data and expired ignore entries.
 */
public final class Scanner {
  private final AdvisoryStore store;
  private final Clock clock;

  /** Creates a scanner over {@code store}; {@code clock} decides ages and expiry. */
  public Scanner(AdvisoryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Scans the components of one image.
   *
   * @throws InvalidInputException if the store contains no advisories, so that an empty database
   *     can never pass for a clean image
   */
  public ScanReport scan(List<Component> components, Release release, ScanOptions options)
      throws InvalidInputException {
    Instant now = clock.instant();
    List<SourceStatus> sources = store.status();
    if (sources.stream().mapToLong(SourceStatus::recordCount).sum() == 0) {
      throw new InvalidInputException(
          "advisory database " + store.file() + " has no advisories; run 'temper db import' first");
    }
    List<String> warnings = new ArrayList<>();
    warnAboutAge(sources, now, options.maxDatabaseAge(), warnings);

    List<Finding> raw = new ArrayList<>();
    ComponentMatcher matcher = new ComponentMatcher(store);
    for (Component component : components) {
      if (component.ecosystem() == Ecosystem.DEBIAN && !release.distribution().equals("debian")) {
        warnings.add(
            "skipped Debian package "
                + component.name()
                + ": the image's distribution is "
                + release.distribution());
        continue;
      }
      try {
        raw.addAll(matcher.match(component, release));
      } catch (IllegalArgumentException e) {
        warnings.add("skipped " + component.name() + ": " + e.getMessage());
      }
    }

    List<Finding> findings = new ArrayList<>();
    List<Suppression> suppressed = new ArrayList<>();
    int omitted = 0;
    List<IgnoreRule> activeIgnores = activeIgnores(options.ignores(), now, warnings);
    for (Finding finding : FindingMerger.merge(raw)) {
      Optional<String> reason = suppression(finding, options.vex(), activeIgnores);
      if (reason.isPresent()) {
        suppressed.add(new Suppression(finding, reason.get()));
      } else if (options.onlyFixed() && finding.status() != FixStatus.FIXED) {
        omitted++;
      } else {
        findings.add(finding);
      }
    }
    findings.sort(ORDER);
    return new ScanReport(
        release,
        now,
        components.size(),
        findings,
        suppressed,
        omitted,
        sources,
        warnings,
        options.failOn());
  }

  /** Most severe first, then by package and id, so that output is stable. */
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .reversed()
          .thenComparing(finding -> finding.component().name())
          .thenComparing(Finding::id);

  private static void warnAboutAge(
      List<SourceStatus> sources, Instant now, Duration maxAge, List<String> warnings) {
    for (SourceStatus source : sources) {
      Duration age = source.age(now);
      if (age.compareTo(maxAge) > 0) {
        warnings.add(
            "advisory data from "
                + source.source().title()
                + " is "
                + age.toDays()
                + " days old (imported "
                + source.importedAt()
                + "); run 'temper db import'");
      }
    }
  }

  private static List<IgnoreRule> activeIgnores(
      List<IgnoreRule> rules, Instant now, List<String> warnings) {
    List<IgnoreRule> active = new ArrayList<>();
    for (IgnoreRule rule : rules) {
      if (rule.expiredAt(now)) {
        warnings.add(
            "ignore entry for "
                + rule.id()
                + " expired on "
                + rule.expires().get()
                + " and no longer suppresses it");
      } else {
        active.add(rule);
      }
    }
    return active;
  }

  private static Optional<String> suppression(
      Finding finding, List<VexDocument> vex, List<IgnoreRule> ignores) {
    for (VexDocument document : vex) {
      Optional<String> reason = document.suppression(finding);
      if (reason.isPresent()) {
        return reason;
      }
    }
    for (IgnoreRule rule : ignores) {
      if (rule.covers(finding)) {
        String until = rule.expires().map(expiry -> " until " + expiry).orElse("");
        return Optional.of("ignored" + until + ": " + rule.reason());
      }
    }
    return Optional.empty();
  }
}
