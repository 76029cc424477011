package dev.temper.build;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the lock from {@code SPEC.lock.json} when it exists and matches the spec, and otherwise
 * asks a resolver to lock the spec and write the file.
 */
public final class LockFileSource implements LockSource {
  /** Resolves a spec and writes its lock file. */
  @FunctionalInterface
  public interface Resolver {
    /** Resolves the spec, writes the lock to {@code lockFile} and returns it. */
    Lock lock(Spec spec, Path specFile, Path lockFile) throws IOException, TemperException;
  }

  private final Resolver resolver;

  /**
   * Creates a source.
   *
   * @param resolver resolves when the lock is missing, stale or to be updated; null to fail then
   */
  public LockFileSource(Resolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public Locked lockFor(Spec spec, Path specFile, boolean update)
      throws IOException, TemperException {
    Path lockFile = LockFiles.lockPathFor(specFile);
    if (!update && Files.exists(lockFile)) {
      Lock lock = LockFiles.read(lockFile);
      if (LockFiles.matches(lock, spec)) {
        return new Locked(lock, lockFile, false);
      }
      if (resolver == null) {
        throw new InvalidInputException(
            lockFile + " is stale: the spec's packages or repositories changed; run temper lock");
      }
    }
    if (resolver == null) {
      throw new InvalidInputException(
          "no lock found at " + lockFile + ": run temper lock " + specFile + " first");
    }
    return new Locked(resolver.lock(spec, specFile, lockFile), lockFile, true);
  }
}
