package dev.temper.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files and directories that are deleted if the JVM exits while they still exist, as it
 * does on SIGTERM or Ctrl-C in the middle of a build or a pull. Their owners register them when
 * they create them and unregister them once they are renamed or deleted. SIGKILL leaves them.
 */
public final class ExitCleanup {
  private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::deleteAll, "temper-cleanup"));
  }

  private ExitCleanup() {}

  /**
   * Deletes {@code path}, a file or a directory tree, if the JVM exits before it is unregistered.
   */
  public static void register(Path path) {
    PATHS.add(path.toAbsolutePath());
  }

  /** Forgets {@code path}, which its owner renamed or deleted. */
  public static void unregister(Path path) {
    PATHS.remove(path.toAbsolutePath());
  }

  /** Returns whether {@code path} is registered. */
  public static boolean isRegistered(Path path) {
    return PATHS.contains(path.toAbsolutePath());
  }

  static void deleteAll() {
    for (Path path : PATHS) {
      try {
        FileTrees.deleteTree(path);
      } catch (IOException | RuntimeException e) {
        // The JVM is exiting, so nothing can be reported. The other paths are still deleted.
      }
    }
  }
}
