package dev.temper.build;

import dev.temper.archive.EntryPaths;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The merged {@code /usr} layout of Debian 12: {@code /bin}, {@code /sbin} and the {@code /lib*}
 * directories are symlinks into {@code /usr}, and what packages ship below them lands in {@code
 * /usr}. dpkg does this on bookworm through the usrmerge conversion; temper does it while
 * unpacking.
 */
final class MergedUsr {
  /** The top-level directories that are links into {@code /usr}. */
  static final List<String> LINKED = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

  private MergedUsr() {}

  /** Returns the path an entry lands at: {@code bin/ls} becomes {@code usr/bin/ls}. */
  static String map(String path) {
    String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    return LINKED.contains(top) ? "usr/" + path : path;
  }

  /**
   * Returns the entry moved to its merged path. A relative symlink target is rewritten so it
   * reaches the same path from the new location as it did from the old one.
   */
  static FileEntry move(FileEntry entry) {
    String mapped = map(entry.path());
    if (mapped.equals(entry.path())) {
      return entry;
    }
    FileEntry moved = entry.withPath(mapped);
    if (entry.type() == EntryType.SYMLINK && !entry.linkTarget().startsWith("/")) {
      String reached = lexicalJoin(EntryPaths.parent(entry.path()), entry.linkTarget());
      String target = relativize(EntryPaths.parent(mapped), map(reached));
      moved =
          new FileEntry(
              mapped, EntryType.SYMLINK, entry.mode(), entry.uid(), entry.gid(), target, null);
    }
    return moved;
  }

  /**
   * Adds the top-level symlinks for the linked directories that the tree has below {@code usr}.
   * {@code bin}, {@code sbin} and {@code lib} are always linked, as on bookworm.
   */
  static void link(FileTree tree) {
    for (String top : LINKED) {
      boolean always = top.equals("bin") || top.equals("sbin") || top.equals("lib");
      if (always || tree.contains("usr/" + top)) {
        if (!tree.contains("usr/" + top)) {
          tree.put(FileEntry.directory("usr/" + top, 0755), "merged-usr");
        }
        tree.put(FileEntry.symlink(top, "usr/" + top), "merged-usr");
      }
    }
  }

  /** Joins a relative target onto a directory, resolving {@code ..} without following links. */
  static String lexicalJoin(String directory, String target) {
    List<String> parts = new ArrayList<>();
    if (!directory.isEmpty()) {
      parts.addAll(List.of(directory.split("/")));
    }
    for (String segment : target.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(segment);
      }
    }
    return String.join("/", parts);
  }

  /** Returns the relative path from a directory to a path, both relative to the root. */
  static String relativize(String fromDirectory, String to) {
    List<String> from = fromDirectory.isEmpty() ? List.of() : List.of(fromDirectory.split("/"));
    List<String> target = to.isEmpty() ? List.of() : List.of(to.split("/"));
    int common = 0;
    while (common < from.size()
        && common < target.size()
        && from.get(common).equals(target.get(common))) {
      common++;
    }
    List<String> parts = new ArrayList<>();
    for (int i = common; i < from.size(); i++) {
      parts.add("..");
    }
    parts.addAll(target.subList(common, target.size()));
    return parts.isEmpty() ? "." : String.join("/", parts);
  }
}
