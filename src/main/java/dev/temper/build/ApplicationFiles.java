package dev.temper.build;

import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.build.ImageSpec.Accounts;
import dev.temper.build.ImageSpec.FileSpec;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the spec's local files and directories into the tree, with the spec's owner and mode. They
 * form the top layer. Directories are copied recursively in sorted order.
 */
final class ApplicationFiles {
  static final String ORIGIN = "application";

  private ApplicationFiles() {}

  /**
   * Adds the files.
   *
   * @throws InvalidInputException when a source vanished or holds a symlink or a special file
   */
  static int apply(FileTree tree, List<FileSpec> files, Accounts accounts)
      throws InvalidInputException, IOException {
    int count = 0;
    for (FileSpec file : files) {
      int[] owner = AccountFiles.owner(file.owner(), accounts);
      if (Files.isDirectory(file.source(), LinkOption.NOFOLLOW_LINKS)) {
        List<Path> below;
        try (Stream<Path> walk = Files.walk(file.source())) {
          below = walk.sorted().toList();
        }
        for (Path local : below) {
          String relative = file.source().relativize(local).toString();
          String path =
              relative.isEmpty() ? file.destination() : file.destination() + "/" + relative;
          add(tree, local, path, file.mode(), owner);
          count++;
        }
      } else {
        add(tree, file.source(), file.destination(), file.mode(), owner);
        count++;
      }
    }
    return count;
  }

  private static void add(FileTree tree, Path local, String path, Integer mode, int[] owner)
      throws InvalidInputException, IOException {
    FileEntry entry;
    if (Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) {
      entry = new FileEntry(path, EntryType.DIRECTORY, 0755, owner[0], owner[1], null, null);
    } else if (Files.isRegularFile(local, LinkOption.NOFOLLOW_LINKS)) {
      int bits = mode != null ? mode : Files.isExecutable(local) ? 0755 : 0644;
      Content content = Content.ofFile(local, Files.size(local));
      entry = new FileEntry(path, EntryType.FILE, bits, owner[0], owner[1], null, content);
    } else if (Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(
          "files: " + local + " is a symlink or special file; only files and directories copy");
    } else {
      throw new InvalidInputException("files: local file not found: " + local);
    }
    tree.ensureParents(path, ORIGIN);
    tree.put(entry, ORIGIN);
  }
}
