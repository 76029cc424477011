package dev.temper.build;

import dev.temper.archive.EntryPaths;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lays the unpacked packages into one tree in name order, as dpkg would unpack them: a path below a
 * symlinked directory lands where the link points, directories merge (the first one's owner and
 * mode stay), and a file that two packages ship must be identical in both unless the spec's {@code
 * allow-overwrite} names it, in which case the package later in name order wins.
 */
final class PackageMerge {
  /** Conflicts listed in one error before the rest are counted. */
  static final int MAX_REPORTED_CONFLICTS = 10;

  private PackageMerge() {}

  /**
   * One path that a later package replaced with other content, allowed by the spec.
   *
   * @param path the absolute path
   * @param replaced the package whose entry was replaced
   * @param by the package whose entry stayed
   */
  record Overwrite(String path, String replaced, String by) {}

  /**
   * Merges the packages into a new tree.
   *
   * @param overwrites receives the allowed overwrites
   * @throws InvalidInputException listing every conflicting path with both packages
   */
  static FileTree merge(
      List<UnpackedPackage> packages, List<String> allowOverwrite, List<Overwrite> overwrites)
      throws InvalidInputException, IOException {
    List<Glob> allowed = allowOverwrite.stream().map(Glob::of).toList();
    FileTree tree = new FileTree();
    List<String> conflicts = new ArrayList<>();
    List<UnpackedPackage> ordered = new ArrayList<>(packages);
    ordered.sort(Comparator.comparing(UnpackedPackage::name));
    for (UnpackedPackage unpacked : ordered) {
      for (FileEntry shipped : unpacked.entries()) {
        FileEntry entry = throughLinks(tree, shipped);
        Optional<FileTree.Node> existing = tree.node(entry.path());
        if (existing.isEmpty()) {
          tree.put(entry, unpacked.name());
          continue;
        }
        FileEntry before = existing.get().entry();
        if (before.type() == EntryType.DIRECTORY && entry.type() == EntryType.DIRECTORY) {
          continue;
        }
        if (same(before, entry)) {
          continue;
        }
        String other = existing.get().origin();
        if (allowed.stream().anyMatch(g -> g.matches(entry.path()))) {
          tree.put(entry, unpacked.name());
          overwrites.add(new Overwrite("/" + entry.path(), other, unpacked.name()));
        } else {
          conflicts.add("/" + entry.path() + " (" + other + " and " + unpacked.name() + ")");
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw conflictError(conflicts);
    }
    return tree;
  }

  private static InvalidInputException conflictError(List<String> conflicts) {
    List<String> shown = conflicts.subList(0, Math.min(conflicts.size(), MAX_REPORTED_CONFLICTS));
    String more =
        conflicts.size() > shown.size()
            ? " and " + (conflicts.size() - shown.size()) + " more"
            : "";
    return new InvalidInputException(
        "packages ship the same path with different contents: "
            + String.join(", ", shown)
            + more
            + "; list the paths under 'allow-overwrite' in the spec to let the later package win");
  }

  /** Moves an entry whose parent directory is a symlink in the tree to where the link leads. */
  private static FileEntry throughLinks(FileTree tree, FileEntry entry) {
    String parent = EntryPaths.parent(entry.path());
    if (parent.isEmpty()) {
      return entry;
    }
    Optional<String> resolved = tree.resolve(parent);
    if (resolved.isEmpty() || resolved.get().equals(parent) || resolved.get().isEmpty()) {
      return entry;
    }
    boolean directory =
        tree.get(resolved.get()).map(e -> e.type() == EntryType.DIRECTORY).orElse(false);
    if (!directory) {
      return entry;
    }
    String name = entry.path().substring(parent.length() + 1);
    return entry.withPath(resolved.get() + "/" + name);
  }

  private static boolean same(FileEntry a, FileEntry b) throws IOException {
    if (a.type() != b.type() || a.mode() != b.mode()) {
      return false;
    }
    if (a.type() == EntryType.SYMLINK) {
      return a.linkTarget().equals(b.linkTarget());
    }
    if (a.type() != EntryType.FILE || a.content().size() != b.content().size()) {
      return a.type() != EntryType.FILE;
    }
    try (InputStream left = a.content().open();
        InputStream right = b.content().open()) {
      byte[] x = new byte[8192];
      byte[] y = new byte[8192];
      while (true) {
        int n = left.readNBytes(x, 0, x.length);
        int m = right.readNBytes(y, 0, y.length);
        if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
          return false;
        }
        if (n == 0) {
          return true;
        }
      }
    }
  }
}
