package dev.temper.build;

import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what a hardened image must not have: shells, package managers, setuid and setgid bits,
 * documentation other than copyright files, and what the spec prunes. Runs on the merged tree, so
 * {@code /bin/sh} is found at {@code usr/bin/sh}.
 */
final class Hardening {
  /** Shell names removed from the program directories. */
  static final List<String> SHELLS =
      List.of(
          "ash", "bash", "busybox", "csh", "dash", "fish", "ksh", "ksh93", "mksh", "rbash", "sh",
          "tcsh", "zsh");

  private static final List<String> PROGRAM_DIRECTORIES =
      List.of("usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin");

  private static final List<Glob> PACKAGE_MANAGERS =
      List.of(
              "usr/bin/dpkg",
              "usr/bin/dpkg-*",
              "usr/sbin/dpkg-*",
              "usr/bin/apt",
              "usr/bin/apt-*",
              "usr/bin/debconf",
              "usr/bin/debconf-*",
              "usr/sbin/update-alternatives",
              "usr/bin/update-alternatives",
              "usr/lib/apt",
              "usr/lib/dpkg",
              "usr/share/debconf",
              "etc/apt",
              "etc/dpkg",
              "var/lib/apt",
              "var/cache/apt",
              "var/cache/debconf",
              "var/lib/dpkg")
          .stream()
          .map(Glob::of)
          .toList();

  private static final List<Glob> DOCUMENTATION =
      List.of("usr/share/man", "usr/share/info", "usr/share/doc-base").stream()
          .map(Glob::of)
          .toList();

  private Hardening() {}

  /** Hardens the tree and returns what was removed or changed, in tree order per rule. */
  static List<Removal> apply(FileTree tree, List<String> prune) {
    List<Removal> removals = new ArrayList<>();
    List<Glob> pruned = prune.stream().map(Glob::of).toList();
    for (FileTree.Node node : List.copyOf(tree.nodes())) {
      FileEntry entry = node.entry();
      if (!tree.contains(entry.path())) {
        continue;
      }
      String reason = reason(entry.path(), pruned);
      if (reason != null) {
        for (String path : tree.remove(entry.path())) {
          removals.add(new Removal("/" + path, reason));
        }
      } else if (entry.type() == EntryType.FILE && (entry.mode() & 06000) != 0) {
        String bits = (entry.mode() & 04000) != 0 ? "setuid" : "setgid";
        tree.put(entry.withMode(entry.mode() & ~06000), node.origin());
        removals.add(new Removal("/" + entry.path(), bits + " bit cleared"));
      }
    }
    return removals;
  }

  private static String reason(String path, List<Glob> pruned) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    if (PROGRAM_DIRECTORIES.contains(parent) && SHELLS.contains(name)) {
      return "shell";
    }
    if (PACKAGE_MANAGERS.stream().anyMatch(g -> g.matches(path))) {
      return "package manager";
    }
    if (isDocumentation(path)) {
      return "documentation";
    }
    if (pruned.stream().anyMatch(g -> g.matches(path))) {
      return "pruned by the spec";
    }
    return null;
  }

  private static boolean isDocumentation(String path) {
    if (DOCUMENTATION.stream().anyMatch(g -> g.matches(path))) {
      return true;
    }
    if (!path.startsWith("usr/share/doc/")) {
      return false;
    }
    // Keep each package's directory (or its link to another package's) and its copyright file.
    String below = path.substring("usr/share/doc/".length());
    int slash = below.indexOf('/');
    return slash >= 0 && !below.substring(slash + 1).equals("copyright");
  }
}
