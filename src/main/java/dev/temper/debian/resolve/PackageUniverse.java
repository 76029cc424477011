package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.Relation;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.ReleaseFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every package version of several suites, with the candidate that apt would pick for each package
 * and architecture under default pins: the version from the suites of the highest pin priority, and
 * among those the highest version. Suites with {@code NotAutomatic: yes} have priority 1, or 100
 * with {@code ButAutomaticUpgrades: yes}; all others 500. The same version in two suites counts
 * once, from the suite added first.
 *
 * <p>The universe contains the native architecture, the foreign ones given to the builder, and
 * {@code all}; packages of other architectures are left out. It is immutable and safe to share
 * between threads.
 */
public final class PackageUniverse {
  /** The pin priority of a suite without {@code NotAutomatic}. */
  public static final int DEFAULT_PRIORITY = 500;

  /** The pin priority of a {@code NotAutomatic: yes} suite. */
  public static final int NOT_AUTOMATIC_PRIORITY = 1;

  /** The pin priority of a suite with {@code NotAutomatic} and {@code ButAutomaticUpgrades}. */
  public static final int BUT_AUTOMATIC_UPGRADES_PRIORITY = 100;

  private static final Logger log = LoggerFactory.getLogger(PackageUniverse.class);

  /** One package version and the pin priority of the suite it came from. */
  record Entry(BinaryPackage pkg, int priority) {}

  /** A package version that provides a name, with the {@code Provides} entry that does. */
  record Provider(BinaryPackage pkg, Relation provided) {}

  private final String nativeArchitecture;
  private final Set<String> architectures;
  private final Map<String, List<Entry>> byName;
  private final Map<String, List<Provider>> providers;
  private final Map<String, List<BinaryPackage>> candidates;
  private final int size;
  private final MentionOrder mentionOrder;

  private PackageUniverse(Builder builder) {
    this.nativeArchitecture = builder.nativeArchitecture;
    this.architectures = Set.copyOf(builder.architectures);
    this.byName = new HashMap<>();
    this.providers = new HashMap<>();
    this.candidates = new HashMap<>();
    Comparator<Entry> preference =
        Comparator.comparingInt(Entry::priority)
            .reversed()
            .thenComparing((Entry e) -> e.pkg().version(), Comparator.reverseOrder());
    builder.byName.forEach(
        (name, entries) -> {
          List<Entry> sorted = new ArrayList<>(entries);
          // A stable sort keeps the first suite's copy of a version in front.
          sorted.sort(preference);
          byName.put(name, List.copyOf(sorted));
          candidates.put(name, pickCandidates(sorted, nativeArchitecture));
        });
    builder.providers.forEach((name, list) -> providers.put(name, List.copyOf(list)));
    this.size = builder.inOrder.size();
    // Built here rather than on the first tie, so that every resolve takes about the same time.
    this.mentionOrder = MentionOrder.of(builder.inOrder);
  }

  /**
   * Starts a universe.
   *
   * @param nativeArchitecture the architecture that unqualified relations and {@code all} packages
   *     mean, such as {@code amd64}
   * @param foreignArchitectures further architectures whose packages to keep, usually none
   */
  public static Builder builder(String nativeArchitecture, List<String> foreignArchitectures) {
    return new Builder(nativeArchitecture, foreignArchitectures);
  }

  /** Returns the pin priority apt gives a release by default. */
  public static int defaultPriority(ReleaseFile release) {
    if (!release.notAutomatic()) {
      return DEFAULT_PRIORITY;
    }
    return release.butAutomaticUpgrades()
        ? BUT_AUTOMATIC_UPGRADES_PRIORITY
        : NOT_AUTOMATIC_PRIORITY;
  }

  /** Returns the native architecture. */
  public String nativeArchitecture() {
    return nativeArchitecture;
  }

  /** Returns whether packages of this architecture are in the universe; {@code all} always is. */
  public boolean hasArchitecture(String architecture) {
    return architecture.equals("all") || architectures.contains(architecture);
  }

  /** Returns the number of package versions added, duplicates included. */
  public int size() {
    return size;
  }

  /** Returns every version of a package, all architectures, the preferred first. */
  public List<BinaryPackage> versions(String name) {
    return byName.getOrDefault(name, List.of()).stream().map(Entry::pkg).toList();
  }

  /** Returns the candidate of each architecture of a package, in the order they were added. */
  public List<BinaryPackage> candidates(String name) {
    return candidates.getOrDefault(name, List.of());
  }

  /**
   * Returns the candidate of a package for one architecture, where {@code all} counts as the native
   * architecture.
   */
  public Optional<BinaryPackage> candidate(String name, String architecture) {
    String expected = effectiveArchitecture(architecture);
    for (BinaryPackage pkg : candidates(name)) {
      if (effectiveArchitecture(pkg.architecture()).equals(expected)) {
        return Optional.of(pkg);
      }
    }
    return Optional.empty();
  }

  /** Returns the architecture, with {@code all} read as the native architecture. */
  String effectiveArchitecture(String architecture) {
    return architecture.equals("all") ? nativeArchitecture : architecture;
  }

  /** Returns every version of every package whose {@code Provides} names this package. */
  List<Provider> providersOf(String name) {
    return providers.getOrDefault(name, List.of());
  }

  /** Returns the order in which apt would have first met each name in the indexes. */
  MentionOrder mentionOrder() {
    return mentionOrder;
  }

  /** Picks one candidate per architecture, counting {@code all} as the native one, as apt does. */
  private static List<BinaryPackage> pickCandidates(List<Entry> sorted, String nativeArch) {
    Map<String, BinaryPackage> byArchitecture = new HashMap<>();
    List<BinaryPackage> result = new ArrayList<>();
    for (Entry entry : sorted) {
      String architecture = entry.pkg().architecture();
      String effective = architecture.equals("all") ? nativeArch : architecture;
      if (byArchitecture.putIfAbsent(effective, entry.pkg()) == null) {
        result.add(entry.pkg());
      }
    }
    return List.copyOf(result);
  }

  /** Collects the packages of a universe, suite by suite. */
  public static final class Builder {
    private final String nativeArchitecture;
    private final Set<String> architectures = new LinkedHashSet<>();
    private final Map<String, List<Entry>> byName = new HashMap<>();
    private final Map<String, List<Provider>> providers = new HashMap<>();
    private final List<BinaryPackage> inOrder = new ArrayList<>();

    private Builder(String nativeArchitecture, List<String> foreignArchitectures) {
      this.nativeArchitecture = nativeArchitecture;
      architectures.add(nativeArchitecture);
      architectures.addAll(foreignArchitectures);
    }

    /** Adds the packages of a verified suite, with the pin priority its release implies. */
    public Builder addSuite(LoadedSuite suite) {
      return addIndex(suite.packages(), defaultPriority(suite.release().release()));
    }

    /**
     * Adds packages with a pin priority.
     *
     * @param priority {@link #DEFAULT_PRIORITY}, {@link #NOT_AUTOMATIC_PRIORITY} or {@link
     *     #BUT_AUTOMATIC_UPGRADES_PRIORITY}
     */
    public Builder addIndex(List<BinaryPackage> packages, int priority) {
      for (BinaryPackage pkg : packages) {
        if (!pkg.architecture().equals("all") && !architectures.contains(pkg.architecture())) {
          continue;
        }
        List<Entry> versions = byName.computeIfAbsent(pkg.name(), name -> new ArrayList<>(2));
        if (isDuplicate(versions, pkg, priority)) {
          continue;
        }
        versions.add(new Entry(pkg, priority));
        inOrder.add(pkg);
        addProvides(pkg);
      }
      return this;
    }

    /** Returns whether an equal or better copy of this version is already present. */
    private static boolean isDuplicate(List<Entry> versions, BinaryPackage pkg, int priority) {
      for (int i = 0; i < versions.size(); i++) {
        Entry entry = versions.get(i);
        if (entry.pkg().architecture().equals(pkg.architecture())
            && entry.pkg().version().equals(pkg.version())) {
          if (priority > entry.priority()) {
            // Keep the first copy of the version but give it the better pin, as apt does.
            versions.set(i, new Entry(entry.pkg(), priority));
          }
          return true;
        }
      }
      return false;
    }

    private void addProvides(BinaryPackage pkg) {
      if (pkg.relationFields().provides() == null) {
        return;
      }
      List<Relation> provided;
      try {
        provided = pkg.provides();
      } catch (IllegalArgumentException e) {
        // apt skips such a stanza's field too; a resolve that needs the package reports it.
        log.debug("ignoring the Provides of {}: {}", pkg, e.getMessage());
        return;
      }
      for (Relation relation : provided) {
        providers
            .computeIfAbsent(relation.name(), name -> new ArrayList<>(2))
            .add(new Provider(pkg, relation));
      }
    }

    /** Builds the universe and picks the candidates. */
    public PackageUniverse build() {
      return new PackageUniverse(this);
    }
  }
}
