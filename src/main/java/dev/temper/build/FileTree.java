package dev.temper.build;

import dev.temper.archive.EntryPaths;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The root file system of an image while it is assembled: every entry by path, with the package or
 * build step it came from. Paths sort as strings, which puts a directory before everything below
 * it. The tree holds no hard links: the unpack step turns them into files sharing content.
 */
public final class FileTree {
  /** Symlink hops followed before a path is taken to loop, as Linux's {@code MAXSYMLINKS}. */
  static final int MAX_SYMLINK_HOPS = 40;

  private final NavigableMap<String, Node> nodes = new TreeMap<>();

  /**
   * One entry and its origin.
   *
   * @param entry the entry
   * @param origin the package that shipped it, or the build step that made it
   */
  public record Node(FileEntry entry, String origin) {}

  /** Returns the entry at a path, if there is one. */
  public Optional<FileEntry> get(String path) {
    Node node = nodes.get(path);
    return node == null ? Optional.empty() : Optional.of(node.entry());
  }

  /** Returns the node at a path, if there is one. */
  public Optional<Node> node(String path) {
    return Optional.ofNullable(nodes.get(path));
  }

  /** Returns whether there is an entry at the path. */
  public boolean contains(String path) {
    return nodes.containsKey(path);
  }

  /**
   * Puts an entry, replacing any entry at its path but keeping what lies below a directory that
   * stays a directory. Missing parent directories are created with mode 0755, owned by root.
   */
  public void put(FileEntry entry, String origin) {
    ensureParents(entry.path(), origin);
    Node previous = nodes.get(entry.path());
    if (previous != null
        && previous.entry().type() == EntryType.DIRECTORY
        && entry.type() != EntryType.DIRECTORY) {
      removeBelow(entry.path());
    }
    nodes.put(entry.path(), new Node(entry, origin));
  }

  /** Creates the missing parent directories of a path, mode 0755 and owned by root. */
  public void ensureParents(String path, String origin) {
    String parent = EntryPaths.parent(path);
    List<String> missing = new ArrayList<>();
    while (!parent.isEmpty() && !nodes.containsKey(parent)) {
      missing.add(parent);
      parent = EntryPaths.parent(parent);
    }
    for (String directory : missing) {
      nodes.put(directory, new Node(FileEntry.directory(directory, 0755), origin));
    }
  }

  /**
   * Removes an entry and, for a directory, everything below it.
   *
   * @return the removed paths, sorted
   */
  public List<String> remove(String path) {
    List<String> removed = new ArrayList<>();
    if (nodes.remove(path) != null) {
      removed.add(path);
    }
    removed.addAll(removeBelow(path));
    return removed;
  }

  private List<String> removeBelow(String directory) {
    Map<String, Node> below = nodes.subMap(directory + "/", true, directory + "0", false);
    List<String> removed = new ArrayList<>(below.keySet());
    below.clear();
    return removed;
  }

  /** Returns the nodes below a directory, not including it, sorted by path. */
  public Collection<Node> below(String directory) {
    return Collections.unmodifiableCollection(
        nodes.subMap(directory + "/", true, directory + "0", false).values());
  }

  /** Returns every node, sorted by path. */
  public Collection<Node> nodes() {
    return Collections.unmodifiableCollection(nodes.values());
  }

  /** Returns the number of entries. */
  public int size() {
    return nodes.size();
  }

  /**
   * Resolves a path the way the kernel would inside the container: following symlinks in every
   * segment, absolute targets from the root, {@code ..} at the root staying at the root.
   *
   * @return the path of the entry it reaches, or empty when a segment is missing or links loop
   */
  public Optional<String> resolve(String path) {
    List<String> pending = new ArrayList<>(List.of(path.split("/")));
    List<String> resolved = new ArrayList<>();
    int hops = 0;
    while (!pending.isEmpty()) {
      String segment = pending.remove(0);
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
        continue;
      }
      resolved.add(segment);
      Node node = nodes.get(String.join("/", resolved));
      if (node == null) {
        return Optional.empty();
      }
      if (node.entry().type() == EntryType.SYMLINK) {
        if (++hops > MAX_SYMLINK_HOPS) {
          return Optional.empty();
        }
        resolved.remove(resolved.size() - 1);
        String target = node.entry().linkTarget();
        if (target.startsWith("/")) {
          resolved.clear();
        }
        pending.addAll(0, List.of(target.split("/")));
      }
    }
    return resolved.isEmpty() ? Optional.of("") : Optional.of(String.join("/", resolved));
  }

  /**
   * Returns whether a relative symlink target, taken from the link's directory, climbs above the
   * root. Absolute targets never do, because the container resolves them from its own root.
   */
  public static boolean escapesRoot(String linkPath, String target) {
    if (target.startsWith("/")) {
      return false;
    }
    int depth = linkPath.split("/").length - 1;
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        depth--;
        if (depth < 0) {
          return true;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return false;
  }
}
