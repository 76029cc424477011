package dev.temper.build;

import dev.temper.archive.FileEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the package records that scanners read: {@code /var/lib/dpkg/status.d/<package>} with the
 * control stanza, and {@code <package>.md5sums}, as distroless images carry them. Nothing else of
 * dpkg's database enters the image.
 */
final class PackageRecords {
  static final String DIRECTORY = "var/lib/dpkg/status.d";

  private PackageRecords() {}

  /**
   * Writes one record per package, owned by the package so it lands in the package's layer. The
   * md5sums keep only the files still in the tree after hardening.
   */
  static void apply(FileTree tree, List<UnpackedPackage> packages) {
    for (UnpackedPackage unpacked : packages) {
      String name = unpacked.name();
      tree.put(AccountFiles.text(DIRECTORY + "/" + name, 0644, unpacked.control()), name);
      String md5sums = kept(tree, unpacked.md5sums());
      if (!md5sums.isEmpty()) {
        tree.put(AccountFiles.text(DIRECTORY + "/" + name + ".md5sums", 0644, md5sums), name);
      }
    }
  }

  private static String kept(FileTree tree, Map<String, String> md5sums) {
    StringBuilder out = new StringBuilder();
    // dpkg's format: 32 hex digits, two spaces, the path as shipped, relative to the root.
    for (Map.Entry<String, String> file : new TreeMap<>(md5sums).entrySet()) {
      if (tree.contains(MergedUsr.map(file.getKey()))) {
        out.append(file.getValue()).append("  ").append(file.getKey()).append('\n');
      }
    }
    return out.toString();
  }

  /** Returns whether the entry is one of the records this step writes. */
  static boolean isRecord(FileEntry entry) {
    return entry.path().startsWith(DIRECTORY + "/");
  }
}
