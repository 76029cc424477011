package dev.temper.build;

import dev.temper.cache.Downloader;
import dev.temper.debian.BinaryPackage;
import dev.temper.debian.repository.ArchiveReader;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.debian.repository.RepositorySource;
import dev.temper.debian.resolve.PackageUniverse;
import dev.temper.debian.resolve.Resolution;
import dev.temper.debian.resolve.ResolveRequest;
import dev.temper.debian.resolve.Resolver;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code temper lock}: loads the spec, reads its suites in parallel along the chain of trust,
 * resolves the packages and writes {@code SPEC.lock.json} with every package pinned by version and
 * SHA-256 and every suite by the digest of its verified InRelease.
 */
public final class Locker {
  private static final Logger log = LoggerFactory.getLogger(Locker.class);

  /** What happened to the lock file. */
  public enum Status {
    /** No lock existed; one was written. */
    CREATED,
    /** A lock matching the spec existed and was kept; nothing was read from the archive. */
    KEPT,
    /** The lock was written for other spec inputs; it was resolved again and replaced. */
    REPLACED_STALE,
    /** {@code --update} resolved again and replaced the lock. */
    UPDATED
  }

  /**
   * The result of locking a spec.
   *
   * @param lockFile where the lock is
   * @param lock the lock's content
   * @param status what happened to the file
   * @param changed whether the file's content differs from what was there before
   */
  public record Outcome(Path lockFile, Lock lock, Status status, boolean changed) {}

  private final ArchiveReader reader;
  private final MirrorResolver mirrors;

  /**
   * Creates a locker.
   *
   * @param downloader fetches InRelease and index files into the content cache
   * @param mirrors finds the archive of a suite whose repository names no {@code url}
   * @param clock the time against which release validity is checked
   */
  public Locker(Downloader downloader, MirrorResolver mirrors, Clock clock) {
    this.reader = new ArchiveReader(downloader, clock);
    this.mirrors = mirrors;
  }

  /**
   * Locks a spec. Without {@code update} an existing lock whose inputs match the spec is kept; a
   * stale one is resolved again and replaced.
   *
   * @throws dev.temper.error.InvalidInputException when the spec or an existing lock is invalid
   * @throws dev.temper.error.UnsatisfiableException when the packages cannot be resolved
   * @throws dev.temper.error.TrustException when a suite fails a signature or release check
   * @throws dev.temper.error.NetworkException when the archive cannot be reached
   */
  public Outcome lock(Path specFile, boolean update) throws TemperException, IOException {
    Spec spec = SpecLoader.load(specFile);
    Path lockFile = LockFiles.lockPathFor(specFile);
    Optional<Lock> existing = Optional.empty();
    if (Files.exists(lockFile) && !update) {
      existing = Optional.of(LockFiles.read(lockFile));
      if (LockFiles.matches(existing.get(), spec)) {
        log.info("{} matches the spec, keeping it", lockFile);
        return new Outcome(lockFile, existing.get(), Status.KEPT, false);
      }
      log.info("{} was written for other spec inputs, resolving again", lockFile);
    }
    String before = Files.exists(lockFile) ? Files.readString(lockFile) : null;

    Lock lock = resolve(spec);
    LockFiles.write(lock, lockFile);
    Status status =
        before == null
            ? Status.CREATED
            : existing.isPresent() ? Status.REPLACED_STALE : Status.UPDATED;
    return new Outcome(lockFile, lock, status, !LockFiles.toJson(lock).equals(before));
  }

  /** Reads the spec's suites and resolves its packages into a lock, writing nothing. */
  public Lock resolve(Spec spec) throws TemperException, IOException {
    List<RepositorySource> sources = LockSources.of(spec, mirrors);
    List<LoadedSuite> suites = LockSources.readAll(reader, sources);
    List<String> architectures = spec.architectures();
    PackageUniverse.Builder builder =
        PackageUniverse.builder(
            architectures.get(0), architectures.subList(1, architectures.size()));
    suites.forEach(builder::addSuite);
    PackageUniverse universe = builder.build();

    long start = System.nanoTime();
    Resolution resolution =
        Resolver.resolve(universe, ResolveRequest.of(spec.packages(), spec.exclude()));
    log.info(
        "resolved {} packages from {} package versions in {} ms",
        resolution.packages().size(),
        universe.size(),
        (System.nanoTime() - start) / 1_000_000);
    resolution.notes().forEach(note -> log.info("{}", note));
    return toLock(spec, suites, resolution);
  }

  private static Lock toLock(Spec spec, List<LoadedSuite> suites, Resolution resolution) {
    Map<String, String> urls = new HashMap<>();
    spec.repositories().forEach(r -> urls.put(r.name(), r.url()));
    Map<String, String> labels = new HashMap<>();
    List<Lock.Repository> repositories = new ArrayList<>();
    for (LoadedSuite suite : suites) {
      RepositorySource source = suite.source();
      labels.put(source.uri() + " " + source.suite(), source.label());
      repositories.add(
          new Lock.Repository(
              source.label(),
              urls.get(source.label()),
              source.suite(),
              suite.release().release().codename(),
              DateTimeFormatter.ISO_INSTANT.format(suite.release().release().date()),
              suite.release().inReleaseSha256(),
              suite.release().signerFingerprints().stream().sorted().toList()));
    }
    List<Lock.Package> packages = new ArrayList<>();
    for (BinaryPackage pkg : resolution.packages()) {
      String label = labels.get(pkg.origin().repository() + " " + pkg.origin().suite());
      packages.add(
          new Lock.Package(
              pkg.name(),
              pkg.version().toString(),
              pkg.architecture(),
              pkg.sourceName(),
              pkg.sourceVersion().toString(),
              label,
              pkg.origin().suite(),
              pkg.filename(),
              pkg.size(),
              pkg.sha256(),
              pkg.essential()));
    }
    return new Lock(
        Lock.FORMAT_VERSION,
        LockFiles.inputsDigest(spec),
        spec.packages(),
        LockFiles.sorted(spec.exclude()),
        spec.architectures(),
        repositories,
        packages);
  }
}
