package dev.temper.archive;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the entries of a layer in the order they are written: sorted by the bytes of their UTF-8
 * paths, which puts every parent before its children, with missing parent directories added and
 * each group of hard links rewritten so that the first path in that order holds the content.
 */
final class LayerTree {
  /** Orders paths by their UTF-8 bytes, unsigned, as {@code LC_ALL=C sort} does. */
  static final Comparator<String> BYTE_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private static final int PARENT_MODE = 0755;

  private LayerTree() {}

  /**
   * Returns the entries in write order.
   *
   * @throws InvalidInputException for duplicate paths, a parent that is not a directory, and hard
   *     links whose target is missing, a directory or part of a cycle
   */
  static List<FileEntry> plan(Collection<FileEntry> entries) throws InvalidInputException {
    TreeMap<String, FileEntry> byPath = new TreeMap<>(BYTE_ORDER);
    for (FileEntry entry : entries) {
      if (byPath.put(entry.path(), entry) != null) {
        throw new InvalidInputException("layer: duplicate entry '" + entry.path() + "'");
      }
    }
    addParents(byPath);
    rewriteHardLinks(byPath);
    return List.copyOf(byPath.values());
  }

  private static void addParents(TreeMap<String, FileEntry> byPath) throws InvalidInputException {
    List<String> missing = new ArrayList<>();
    for (FileEntry entry : byPath.values()) {
      String parent = EntryPaths.parent(entry.path());
      while (!parent.isEmpty()) {
        FileEntry existing = byPath.get(parent);
        if (existing != null && existing.type() != EntryType.DIRECTORY) {
          throw new InvalidInputException(
              "layer: '"
                  + entry.path()
                  + "' lies under '"
                  + parent
                  + "', which is not a directory");
        }
        if (existing == null) {
          missing.add(parent);
        }
        parent = EntryPaths.parent(parent);
      }
    }
    for (String path : missing) {
      byPath.putIfAbsent(path, FileEntry.directory(path, PARENT_MODE));
    }
  }

  /** Makes the first path of each hard link group, in write order, the one with the content. */
  private static void rewriteHardLinks(TreeMap<String, FileEntry> byPath)
      throws InvalidInputException {
    Map<String, String> firstOfGroup = new HashMap<>();
    for (FileEntry entry : List.copyOf(byPath.values())) {
      if (entry.type() != EntryType.HARDLINK) {
        continue;
      }
      FileEntry file = resolve(entry, byPath);
      String first = firstOfGroup.get(file.path());
      if (first == null) {
        first = BYTE_ORDER.compare(entry.path(), file.path()) < 0 ? entry.path() : file.path();
        firstOfGroup.put(file.path(), first);
        if (!first.equals(file.path())) {
          byPath.put(first, file.withPath(first));
          byPath.put(file.path(), hardLink(file, first));
        }
      }
      if (!entry.path().equals(first)) {
        byPath.put(entry.path(), hardLink(entry, first));
      }
    }
  }

  /** Follows a chain of hard links to the regular file at its end. */
  private static FileEntry resolve(FileEntry link, Map<String, FileEntry> byPath)
      throws InvalidInputException {
    FileEntry current = link;
    for (int steps = 0; steps <= byPath.size(); steps++) {
      FileEntry target = byPath.get(current.linkTarget());
      if (target == null) {
        throw new InvalidInputException(
            "layer: hard link '"
                + link.path()
                + "' names '"
                + current.linkTarget()
                + "', which the layer does not contain");
      }
      switch (target.type()) {
        case FILE -> {
          return target;
        }
        case HARDLINK -> current = target;
        default ->
            throw new InvalidInputException(
                "layer: hard link '"
                    + link.path()
                    + "' names '"
                    + target.path()
                    + "', which is not a regular file");
      }
    }
    throw new InvalidInputException("layer: hard link '" + link.path() + "' is part of a cycle");
  }

  private static FileEntry hardLink(FileEntry entry, String target) {
    return new FileEntry(
        entry.path(), EntryType.HARDLINK, entry.mode(), entry.uid(), entry.gid(), target, null);
  }
}
