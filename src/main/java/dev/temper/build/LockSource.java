package dev.temper.build;

import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.file.Path;

/** Supplies the lock of a spec: the existing lock file, or a fresh resolution written beside it. */
public interface LockSource {
  /**
   * A lock and where it is.
   *
   * @param lock the lock
   * @param path the lock file
   * @param created whether this build resolved and wrote it
   */
  record Locked(Lock lock, Path path, boolean created) {}

  /**
   * Returns the lock for the spec.
   *
   * @param update resolve again even when a lock file matches the spec
   */
  Locked lockFor(Spec spec, Path specFile, boolean update) throws IOException, TemperException;

  /**
   * Returns a source that locks through the locker as {@code temper lock} does: an existing lock
   * that matches the spec is kept, a missing or stale one is resolved and written. A
   * multi-architecture spec is resolved once per architecture.
   */
  static LockSource through(Locker locker) {
    return new PerArchitectureLocks(locker);
  }
}
