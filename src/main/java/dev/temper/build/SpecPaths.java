package dev.temper.build;

import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.build.ImageSpec.Accounts;
import dev.temper.build.ImageSpec.PathSpec;
import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Applies the spec's {@code paths}: directories, files, symlinks and permission changes. */
final class SpecPaths {
  static final String ORIGIN = "spec paths";

  private SpecPaths() {}

  /**
   * Applies the entries in their sorted order.
   *
   * @throws InvalidInputException when a permissions entry names a path the image lacks, or a
   *     symlink target escapes the root
   */
  static void apply(FileTree tree, List<PathSpec> paths, Accounts accounts)
      throws InvalidInputException {
    for (PathSpec spec : paths) {
      int[] owner = AccountFiles.owner(spec.owner(), accounts);
      switch (spec.type()) {
        case DIRECTORY -> {
          int mode = spec.mode() == null ? 0755 : spec.mode();
          tree.put(entry(spec.path(), EntryType.DIRECTORY, mode, owner, null, null), ORIGIN);
        }
        case FILE -> {
          int mode = spec.mode() == null ? 0644 : spec.mode();
          String text = spec.content() == null ? "" : spec.content();
          Content content = Content.of(text.getBytes(StandardCharsets.UTF_8));
          tree.put(entry(spec.path(), EntryType.FILE, mode, owner, null, content), ORIGIN);
        }
        case SYMLINK -> {
          if (FileTree.escapesRoot(spec.path(), spec.target())) {
            throw new InvalidInputException(
                "paths: symlink /" + spec.path() + " -> " + spec.target() + " escapes the root");
          }
          tree.put(entry(spec.path(), EntryType.SYMLINK, 0777, owner, spec.target(), null), ORIGIN);
        }
        case PERMISSIONS -> changePermissions(tree, spec, owner);
      }
    }
  }

  private static void changePermissions(FileTree tree, PathSpec spec, int[] owner)
      throws InvalidInputException {
    FileTree.Node node =
        tree.node(spec.path())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "paths: /"
                            + spec.path()
                            + " is not in the image, so its permissions"
                            + " cannot change"));
    FileEntry entry = node.entry();
    if (spec.mode() != null) {
      entry = entry.withMode(spec.mode());
    }
    if (spec.owner() != null) {
      entry = entry.withOwner(owner[0], owner[1]);
    }
    tree.put(entry, node.origin());
  }

  private static FileEntry entry(
      String path, EntryType type, int mode, int[] owner, String target, Content content) {
    return new FileEntry(path, type, mode, owner[0], owner[1], target, content);
  }
}
