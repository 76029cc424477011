package dev.temper.sbom;

import dev.temper.archive.EntryPaths;
import java.util.ArrayDeque;
import java.util.Deque;

/** Resolves a symlink's target inside an image, the way the kernel would inside a chroot. */
final class SymlinkPaths {
  private SymlinkPaths() {}

  /**
   * Returns the normal-form path a link at {@code linkPath} points to. A {@code ..} above the root
   * stays at the root, as in a chroot, so the result never leaves the image.
   */
  static String resolve(String linkPath, String target) {
    Deque<String> segments = new ArrayDeque<>();
    if (!target.startsWith("/")) {
      String parent = EntryPaths.parent(linkPath);
      for (String segment : parent.split("/")) {
        if (!segment.isEmpty()) {
          segments.addLast(segment);
        }
      }
    }
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        segments.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
    }
    return String.join("/", segments);
  }
}
