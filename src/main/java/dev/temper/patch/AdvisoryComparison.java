package dev.temper.patch;

import dev.temper.build.Lock;
import dev.temper.error.TemperException;
import dev.temper.vuln.AdvisoryStore;
import dev.temper.vuln.Component;
import dev.temper.vuln.Finding;
import dev.temper.vuln.Release;
import dev.temper.vuln.ScanOptions;
import dev.temper.vuln.Scanner;
import dev.temper.vuln.SourceStatus;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two locks against the advisory database: the CVEs found in the old packages and not in
 * the new ones are closed. A patch never needs it. Without data it closes nothing and gives the
 * reason in its note.
 */
public final class AdvisoryComparison {
  /**
   * The result.
   *
   * @param cves the closed CVEs, sorted
   * @param note which advisory data was used, or why none was
   */
  public record Closed(List<String> cves, String note) {}

  private final Optional<AdvisoryStore> store;
  private final Clock clock;
  private final String missingNote;

  private AdvisoryComparison(Optional<AdvisoryStore> store, Clock clock, String missingNote) {
    this.store = store;
    this.clock = clock;
    this.missingNote = missingNote;
  }

  /** Returns a comparison that uses no advisory data, for the reason given. */
  public static AdvisoryComparison none(String reason) {
    return new AdvisoryComparison(Optional.empty(), Clock.systemUTC(), reason);
  }

  /** Returns a comparison over the store, which the caller keeps open and closes. */
  public static AdvisoryComparison using(AdvisoryStore store, Clock clock) {
    return new AdvisoryComparison(Optional.of(store), clock, "");
  }

  /** Returns the CVEs that the old lock has and the new one does not. */
  public Closed closed(Lock before, Lock after) throws TemperException {
    if (store.isEmpty()) {
      return new Closed(List.of(), missingNote);
    }
    List<SourceStatus> sources = store.get().status();
    if (sources.stream().mapToLong(SourceStatus::recordCount).sum() == 0) {
      return new Closed(List.of(), "the advisory database " + store.get().file() + " is empty");
    }
    Optional<Release> release = release(before);
    if (release.isEmpty()) {
      return new Closed(List.of(), "the lock names no Debian release the advisories know");
    }
    Set<String> closed = cves(before, release.get());
    closed.removeAll(cves(after, release.get()));
    String note =
        "advisories from "
            + String.join(
                ", ",
                sources.stream().map(s -> s.source().title() + " " + s.importedAt()).toList());
    return new Closed(closed.stream().sorted().toList(), note);
  }

  private Set<String> cves(Lock lock, Release release) throws TemperException {
    List<Component> components =
        lock.packages().stream()
            .map(
                p ->
                    Component.debian(
                        p.name(), p.version(), p.source(), p.sourceVersion(), p.architecture()))
            .toList();
    Set<String> cves = new LinkedHashSet<>();
    for (Finding finding :
        new Scanner(store.get(), clock)
            .scan(components, release, ScanOptions.defaults())
            .findings()) {
      cves.addAll(finding.cveIds().isEmpty() ? List.of(finding.id()) : finding.cveIds());
    }
    return cves;
  }

  private static Optional<Release> release(Lock lock) {
    for (Lock.Repository repository : lock.repositories()) {
      String codename =
          repository.codename() == null
              ? PatchRepositories.codenameOf(repository.suite())
              : PatchRepositories.codenameOf(repository.codename());
      Optional<String> number = Release.debianVersionOf(codename);
      if (number.isPresent()) {
        return Optional.of(Release.debian(number.get()));
      }
    }
    return Optional.empty();
  }
}
