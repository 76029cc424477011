package dev.temper.patch;

import dev.temper.archive.Compression;
import dev.temper.build.BuildOptions;
import dev.temper.build.BuildResult;
import dev.temper.build.ImageBuild;
import dev.temper.build.Lock;
import dev.temper.build.LockFiles;
import dev.temper.build.LockSource;
import dev.temper.build.Locker;
import dev.temper.build.Spec;
import dev.temper.build.SpecLoader;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.reference.OciLayoutReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code temper patch SPEC --apply}: resolves the spec again to pick up the updates, rebuilds the
 * image through the build pipeline and reports the difference: packages changed, CVEs closed, and
 * the old and new manifest digests and sizes.
 */
public final class PatchApply {
  private final Downloader downloader;
  private final MirrorResolver mirrors;
  private final Clock clock;

  /** Creates an apply step that fetches through the downloader. */
  public PatchApply(Downloader downloader, MirrorResolver mirrors, Clock clock) {
    this.downloader = downloader;
    this.mirrors = mirrors;
    this.clock = clock;
  }

  /**
   * Applies the updates of {@code listing}, which {@link Patcher#forSpec} made for this spec.
   *
   * @param output the OCI layout and tag to rebuild into; the image already there is the "before"
   * @param sourceDateEpoch the time for the image, or empty for the new lock's newest release
   * @param advisories compares the old and new lock against advisory data when it has any
   * @param movePins whether to rewrite the spec's exact-version requests that hold an update back
   *     to the update's version. Without it, those updates stay out and the report lists them.
   * @throws InvalidInputException when updates come from a security suite the spec does not list,
   *     which resolving the spec again would not see
   */
  public ApplyReport apply(
      Path specFile,
      PatchReport listing,
      OciLayoutReference output,
      OptionalLong sourceDateEpoch,
      AdvisoryComparison advisories,
      boolean movePins)
      throws IOException, TemperException {
    Spec spec = SpecLoader.load(specFile);
    requireListedSuites(spec, listing);
    Lock oldLock = Patcher.readLock(specFile);
    Optional<ApplyReport.ImageState> before = readImage(output, oldLock, spec);
    if (before.isEmpty()) {
      before = Optional.of(buildOld(specFile, oldLock, sourceDateEpoch));
    }

    List<ApplyReport.MovedPin> moved = movePins ? HeldUpdates.pinMoves(listing) : List.of();
    byte[] originalSpec = Files.readAllBytes(specFile);
    if (!moved.isEmpty()) {
      SpecPins.move(
          specFile, moved.stream().map(m -> new SpecPins.Move(m.pin(), m.version())).toList());
    }
    BuildResult result;
    try {
      result = rebuild(specFile, output, sourceDateEpoch);
    } catch (IOException | TemperException | RuntimeException e) {
      if (!moved.isEmpty()) {
        // Moved pins without the lock and image that match them would mislead, so they go back.
        SpecPins.write(specFile, originalSpec);
      }
      throw e;
    }
    Lock newLock = LockFiles.read(result.lockFile());

    List<ApplyReport.Change> changes = changes(oldLock, newLock);
    AdvisoryComparison.Closed closed = advisories.closed(oldLock, newLock);
    ApplyReport.ImageState after =
        new ApplyReport.ImageState(
            result.image().digest().toString(),
            result.first().compressedSize(),
            result.first().packages());
    return new ApplyReport(
        specFile.toString(),
        result.lockFile().toString(),
        changes,
        changelogCves(changes, listing),
        closed.cves(),
        closed.note(),
        before,
        after,
        result.outputs().isEmpty() ? output.toString() : result.outputs().get(0),
        moved,
        HeldUpdates.notApplied(listing, newLock, moved));
  }

  private BuildResult rebuild(Path specFile, OciLayoutReference output, OptionalLong epoch)
      throws IOException, TemperException {
    Locker locker = new Locker(downloader, mirrors, clock);
    BuildOptions options = new BuildOptions(List.of(output), Compression.GZIP, epoch, true);
    return new ImageBuild(downloader, mirrors, LockSource.through(locker)).build(specFile, options);
  }

  private static void requireListedSuites(Spec spec, PatchReport listing)
      throws InvalidInputException {
    List<String> added = PatchRepositories.withSecurity(spec).added();
    Set<String> missing = new LinkedHashSet<>();
    for (PackageUpdate update : listing.updates()) {
      if (added.contains(update.suite())) {
        missing.add(update.suite());
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "updates come from "
              + String.join(", ", missing)
              + ", which "
              + listing.target()
              + " does not list: add it to the spec's repositories, then run temper patch --apply"
              + " again");
    }
  }

  /** Reads the image already at the output, if there is one. */
  private static Optional<ApplyReport.ImageState> readImage(
      OciLayoutReference output, Lock lock, Spec spec) throws IOException, TemperException {
    if (!Files.isRegularFile(output.directory().resolve("index.json"))) {
      return Optional.empty();
    }
    try (ImageSource source = ImageSources.localOnly().open(output, null)) {
      ResolvedImage image = source.image();
      long size = image.manifest().layers().stream().mapToLong(Descriptor::size).sum();
      return Optional.of(
          new ApplyReport.ImageState(
              image.root().digest().toString(), size, packageCount(lock, spec)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Builds the image of the old lock into a temporary layout, to measure it. */
  private ApplyReport.ImageState buildOld(Path specFile, Lock oldLock, OptionalLong epoch)
      throws IOException, TemperException {
    Path temp = Files.createTempDirectory("temper-patch-before-");
    try {
      LockSource old =
          (spec, file, update) ->
              new LockSource.Locked(oldLock, LockFiles.lockPathFor(file), false);
      BuildOptions options =
          new BuildOptions(
              List.of(OciLayoutReference.of(temp.resolve("layout"), "before")),
              Compression.GZIP,
              epoch,
              false);
      BuildResult result = new ImageBuild(downloader, mirrors, old).build(specFile, options);
      return new ApplyReport.ImageState(
          result.image().digest().toString(),
          result.first().compressedSize(),
          result.first().packages());
    } finally {
      try (Stream<Path> walk = Files.walk(temp)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static int packageCount(Lock lock, Spec spec) {
    String first = spec.architectures().get(0);
    return (int)
        lock.packages().stream()
            .filter(p -> p.architecture().equals(first) || p.architecture().equals("all"))
            .count();
  }

  /** Returns the packages whose pins differ, by name and architecture. */
  static List<ApplyReport.Change> changes(Lock before, Lock after) {
    Map<String, Lock.Package> old = byKey(before);
    Map<String, Lock.Package> updated = byKey(after);
    Set<String> keys = new java.util.TreeSet<>(old.keySet());
    keys.addAll(updated.keySet());
    List<ApplyReport.Change> changes = new ArrayList<>();
    for (String key : keys) {
      Optional<Lock.Package> from = Optional.ofNullable(old.get(key));
      Optional<Lock.Package> to = Optional.ofNullable(updated.get(key));
      Optional<String> fromVersion = from.map(Lock.Package::version);
      Optional<String> toVersion = to.map(Lock.Package::version);
      if (!fromVersion.equals(toVersion)) {
        Lock.Package any = from.orElseGet(to::get);
        changes.add(new ApplyReport.Change(any.name(), any.architecture(), fromVersion, toVersion));
      }
    }
    return changes;
  }

  static Map<String, Lock.Package> byKey(Lock lock) {
    Map<String, Lock.Package> map = new TreeMap<>();
    lock.packages().forEach(p -> map.put(p.name() + ":" + p.architecture(), p));
    return map;
  }

  /** Returns the CVEs of the listed updates that the new lock installs. */
  private static List<String> changelogCves(List<ApplyReport.Change> changes, PatchReport listing) {
    Set<String> cves = new LinkedHashSet<>();
    for (ApplyReport.Change change : changes) {
      for (PackageUpdate update : listing.updates()) {
        boolean same =
            update.installed().name().equals(change.name())
                && update.installed().architecture().equals(change.architecture())
                && change.to().equals(Optional.of(update.candidateVersion()));
        if (same) {
          cves.addAll(update.cves());
        }
      }
    }
    return List.copyOf(cves);
  }
}
