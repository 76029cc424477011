package dev.temper.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/** Normalises tar entry paths and checks link targets against the root. */
final class EntryRules {
  private EntryRules() {}

  /** A path or link target that must not be extracted, with the reason. */
  static final class UnsafeEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsafeEntryException(String problem) {
      super(problem, null, false, false);
    }
  }

  /**
   * Returns the path in normal form, or the empty string for the root itself. Leading {@code ./}
   * and empty or {@code .} segments are dropped; a leading {@code /} is dropped when allowed.
   */
  static String normalise(String raw, boolean allowAbsolute) throws UnsafeEntryException {
    if (raw.indexOf('\0') >= 0) {
      throw new UnsafeEntryException("path contains a NUL character");
    }
    String path = raw;
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.startsWith("/")) {
      if (!allowAbsolute) {
        throw new UnsafeEntryException("absolute path");
      }
      path = path.replaceFirst("^/+", "");
    }
    StringBuilder normal = new StringBuilder(path.length());
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeEntryException("path contains a '..' segment");
      }
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (normal.length() > 0) {
        normal.append('/');
      }
      normal.append(segment);
    }
    return normal.toString();
  }

  /**
   * Checks a symlink target: absolute targets are kept, because they resolve inside the root once
   * an image runs; a relative one must not climb above the root from the link's directory.
   */
  static void checkSymlinkTarget(String path, String target) throws UnsafeEntryException {
    if (target.isEmpty()) {
      throw new UnsafeEntryException("symlink with an empty target");
    }
    if (target.indexOf('\0') >= 0) {
      throw new UnsafeEntryException("symlink target contains a NUL character");
    }
    if (target.startsWith("/")) {
      return;
    }
    Deque<String> segments = new ArrayDeque<>();
    String parent = EntryPaths.parent(path);
    if (!parent.isEmpty()) {
      for (String segment : parent.split("/")) {
        segments.addLast(segment);
      }
    }
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          throw new UnsafeEntryException(
              "symlink target '" + target + "' resolves outside the root");
        }
        segments.removeLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
    }
  }
}
