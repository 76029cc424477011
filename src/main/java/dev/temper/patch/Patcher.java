package dev.temper.patch;

import dev.temper.build.Lock;
import dev.temper.build.LockFiles;
import dev.temper.build.LockSources;
import dev.temper.build.Spec;
import dev.temper.build.SpecLoader;
import dev.temper.cache.Downloader;
import dev.temper.debian.BinaryPackage;
import dev.temper.debian.Version;
import dev.temper.debian.repository.ArchiveReader;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.debian.resolve.PackageUniverse;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.sbom.DebianPackage;
import dev.temper.sbom.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code temper patch}: compares the installed packages of a spec's lock or of an image with the
 * candidates of the repositories, security suites included, and names the CVEs that each update's
 * changelog names as fixed. Needs no advisory data.
 */
public final class Patcher {
  /** Downloads of candidate {@code .deb} files at a time. */
  static final int PARALLELISM = 4;

  private final Downloader downloader;
  private final MirrorResolver mirrors;
  private final ArchiveReader reader;

  /**
   * @param downloader fetches indexes and {@code .deb} files into the content cache
   * @param mirrors finds the archive of a suite whose repository names no {@code url}
   * @param clock the time against which release validity is checked
   */
  public Patcher(Downloader downloader, MirrorResolver mirrors, Clock clock) {
    this.downloader = downloader;
    this.mirrors = mirrors;
    this.reader = new ArchiveReader(downloader, clock);
  }

  /**
   * Lists the updates for the packages pinned in a spec's lock.
   *
   * @throws NotFoundException when the spec has no lock yet
   */
  public PatchReport forSpec(Path specFile) throws IOException, TemperException {
    Spec spec = SpecLoader.load(specFile);
    Lock lock = readLock(specFile);
    PatchRepositories.Chosen chosen = PatchRepositories.withSecurity(spec);
    List<String> notes = new ArrayList<>();
    if (!chosen.added().isEmpty()) {
      notes.add(
          "the spec lists no "
              + String.join(", ", chosen.added())
              + "; read it too (add it to the spec's repositories so that --apply installs its"
              + " updates)");
    }
    List<InstalledPackage> installed = lock.packages().stream().map(InstalledPackage::of).toList();
    PatchReport report = check(specFile.toString(), installed, chosen.spec(), notes);
    return withPins(report, SpecPins.read(specFile));
  }

  /** Marks each update whose package the spec pins to an exact version. */
  private static PatchReport withPins(PatchReport report, List<SpecPin> pins) {
    List<PackageUpdate> updates = new ArrayList<>();
    for (PackageUpdate update : report.updates()) {
      InstalledPackage pkg = update.installed();
      Optional<SpecPin> pin =
          pins.stream().filter(p -> p.pins(pkg.name(), pkg.architecture())).findFirst();
      updates.add(pin.map(update::heldBy).orElse(update));
    }
    return new PatchReport(
        report.target(), report.suites(), report.checked(), updates, report.notes());
  }

  /**
   * Lists the updates for the packages of an image. The repositories are the spec's when one is
   * given, else the Debian defaults for the image's os-release codename.
   *
   * @throws InvalidInputException when the image has no Debian packages or names no codename
   */
  public PatchReport forImage(String name, Inventory inventory, Optional<Path> specFile)
      throws IOException, TemperException {
    if (inventory.debianPackages().isEmpty()) {
      throw new InvalidInputException(name + ": no installed Debian packages found");
    }
    List<String> architectures = architectures(inventory);
    List<String> notes = new ArrayList<>();
    Spec spec;
    if (specFile.isPresent()) {
      Spec loaded = SpecLoader.load(specFile.get());
      PatchRepositories.Chosen chosen = PatchRepositories.withSecurity(loaded);
      spec =
          PatchRepositories.withRepositories(
              chosen.spec(), architectures, chosen.spec().repositories());
      chosen.added().forEach(s -> notes.add("the spec lists no " + s + "; read it too"));
    } else {
      spec = PatchRepositories.debianDefaults(codename(name, inventory), architectures);
    }
    List<InstalledPackage> installed =
        inventory.debianPackages().stream().map(InstalledPackage::of).toList();
    return check(name, installed, spec, notes);
  }

  /** Reads the lock of a spec, which records what its image installs. */
  static Lock readLock(Path specFile) throws IOException, TemperException {
    Path lockFile = LockFiles.lockPathFor(specFile);
    if (!Files.exists(lockFile)) {
      throw new NotFoundException(
          specFile + " has no lock " + lockFile + ": run 'temper lock " + specFile + "' first");
    }
    return LockFiles.read(lockFile);
  }

  private PatchReport check(
      String target, List<InstalledPackage> installed, Spec spec, List<String> notes)
      throws IOException, TemperException {
    List<LoadedSuite> suites = LockSources.readAll(reader, LockSources.of(spec, mirrors));
    List<String> architectures = spec.architectures();
    PackageUniverse.Builder builder =
        PackageUniverse.builder(
            architectures.get(0), architectures.subList(1, architectures.size()));
    suites.forEach(builder::addSuite);
    PackageUniverse universe = builder.build();

    List<InstalledPackage> outdated = new ArrayList<>();
    List<BinaryPackage> candidates = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (InstalledPackage pkg : installed) {
      Optional<BinaryPackage> candidate = universe.candidate(pkg.name(), pkg.architecture());
      if (candidate.isEmpty()) {
        missing.add(pkg.name() + ":" + pkg.architecture());
      } else if (candidate.get().version().compareTo(parse(pkg.version(), pkg)) > 0) {
        outdated.add(pkg);
        candidates.add(candidate.get());
      }
    }
    if (!missing.isEmpty()) {
      notes.add("not in the repositories, so not checked: " + String.join(", ", missing));
    }
    downloader.fetchAll(candidates.stream().map(ChangelogFinder::request).toList(), PARALLELISM);

    ChangelogFinder finder = new ChangelogFinder(downloader, new PackageIndex(suites));
    List<PackageUpdate> updates = new ArrayList<>();
    for (int i = 0; i < outdated.size(); i++) {
      updates.add(update(finder, outdated.get(i), candidates.get(i)));
    }
    List<String> read = new ArrayList<>();
    suites.forEach(s -> read.add(s.source().label() + "/" + s.source().suite()));
    return new PatchReport(target, read, installed.size(), updates, notes);
  }

  private static PackageUpdate update(
      ChangelogFinder finder, InstalledPackage installed, BinaryPackage candidate)
      throws IOException, TemperException {
    ChangelogFinder.Found found = finder.find(candidate);
    List<String> cves = List.of();
    Optional<String> note = Optional.empty();
    if (found.changelog().isPresent()) {
      Version from = parse(installed.sourceVersion(), installed);
      cves = List.copyOf(found.changelog().get().cvesFixedBetween(from, candidate.sourceVersion()));
    } else {
      note = Optional.of("no changelog found in " + found.where());
    }
    return new PackageUpdate(
        installed,
        candidate.version().toString(),
        candidate.sourceVersion().toString(),
        candidate.origin().suite(),
        cves,
        found.changelog().isPresent() ? Optional.of(found.where()) : Optional.empty(),
        note,
        Optional.empty());
  }

  private static Version parse(String version, InstalledPackage pkg) throws InvalidInputException {
    try {
      return Version.parse(version);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          pkg.name() + ": invalid installed version '" + version + "': " + e.getMessage(), e);
    }
  }

  private static List<String> architectures(Inventory inventory) throws InvalidInputException {
    TreeSet<String> architectures = new TreeSet<>();
    for (DebianPackage pkg : inventory.debianPackages()) {
      if (!pkg.architecture().equals("all")) {
        architectures.add(pkg.architecture());
      }
    }
    if (architectures.isEmpty()) {
      throw new InvalidInputException(
          inventory.subject().name() + ": every installed package is 'all'; no architecture known");
    }
    return List.copyOf(architectures);
  }

  private static String codename(String name, Inventory inventory) throws InvalidInputException {
    if (inventory.os() == null || !"debian".equals(inventory.os().id())) {
      throw new InvalidInputException(
          name
              + ": not a Debian image (no os-release with ID=debian); give the repositories with"
              + " --spec SPEC");
    }
    if (inventory.os().versionCodename() == null) {
      throw new InvalidInputException(
          name + ": os-release names no VERSION_CODENAME; give the repositories with --spec SPEC");
    }
    return inventory.os().versionCodename();
  }
}
