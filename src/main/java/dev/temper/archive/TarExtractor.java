package dev.temper.archive;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Extracts a tar stream into a directory under a {@link TarPolicy}. Besides the reader's checks,
 * every parent of an entry must be a real directory inside the root, never a symlink. Files are
 * opened without following links. So nothing is written outside the root, even when an earlier
 * entry planted a symlink. An entry that would need to follow one is rejected or skipped as the
 * policy says.
 *
 * <p>Permission bits are applied without setuid, setgid and sticky, which {@code java.nio} cannot
 * set, and owners are not changed. Directory modes are applied after all entries, so a read-only
 * directory still receives its children.
 *
 * <p>NOTE: the checks assume that no other process changes the tree during extraction.
 */
public final class TarExtractor {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final TarPolicy policy;

  public TarExtractor(TarPolicy policy) {
    this.policy = policy;
  }

  /**
   * Extracts every accepted entry below {@code root}, which is created when missing.
   *
   * @throws InvalidInputException for what the reader rejects, and for an entry whose parent is not
   *     a real directory when the policy rejects unsafe entries
   */
  public void extract(InputStream tar, String archive, Path root)
      throws IOException, TemperException {
    Files.createDirectories(root);
    Path realRoot = root.toRealPath();
    List<TarEntryHeader> directories = new ArrayList<>();
    new TarReader(policy)
        .read(
            tar,
            archive,
            (header, content) -> {
              if (!writeEntry(realRoot, header, content, archive)) {
                return;
              }
              if (header.type() == EntryType.DIRECTORY) {
                directories.add(header);
              }
            });
    for (int i = directories.size() - 1; i >= 0; i--) {
      TarEntryHeader directory = directories.get(i);
      Path path = realRoot.resolve(directory.path());
      Files.setPosixFilePermissions(path, permissions(directory.mode()));
      Files.setLastModifiedTime(path, FileTime.fromMillis(directory.modTime() * 1000));
    }
  }

  /** Writes one entry; returns false when the policy skipped it. */
  private boolean writeEntry(Path root, TarEntryHeader header, InputStream content, String archive)
      throws IOException, InvalidInputException {
    Path target = root.resolve(header.path());
    String problem = prepareParents(root, header.path());
    if (problem == null) {
      problem = clearTarget(target, header.type());
    }
    if (problem == null && header.type() == EntryType.HARDLINK) {
      problem = checkHardLinkSource(root, header.linkTarget());
    }
    if (problem != null) {
      if (policy.rejectUnsafe()) {
        throw new InvalidInputException(archive + ": entry '" + header.path() + "': " + problem);
      }
      policy.listener().skipped(archive, header.path(), problem);
      return false;
    }
    switch (header.type()) {
      case DIRECTORY -> {
        if (!Files.isDirectory(target, NO_FOLLOW)) {
          Files.createDirectory(target);
        }
      }
      case FILE -> writeFile(target, header, content);
      case SYMLINK -> Files.createSymbolicLink(target, Path.of(header.linkTarget()));
      case HARDLINK -> Files.createLink(target, root.resolve(header.linkTarget()));
    }
    return true;
  }

  private static void writeFile(Path target, TarEntryHeader header, InputStream content)
      throws IOException {
    try (OutputStream out =
        Files.newOutputStream(
            target,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      content.transferTo(out);
    }
    Files.setPosixFilePermissions(target, permissions(header.mode()));
    Files.setLastModifiedTime(target, FileTime.fromMillis(header.modTime() * 1000));
  }

  /** Creates missing parents; returns a problem when one exists but is not a real directory. */
  private static String prepareParents(Path root, String path) throws IOException {
    String parent = EntryPaths.parent(path);
    if (parent.isEmpty()) {
      return null;
    }
    Path current = root;
    for (String segment : parent.split("/")) {
      current = current.resolve(segment);
      BasicFileAttributes attributes = attributesOf(current);
      if (attributes == null) {
        Files.createDirectory(current);
      } else if (!attributes.isDirectory()) {
        String kind = attributes.isSymbolicLink() ? "a symlink" : "not a directory";
        return "parent '" + root.relativize(current) + "' is " + kind;
      }
    }
    return null;
  }

  /** Removes what a new entry replaces, as tar does; a directory stays for a directory. */
  private static String clearTarget(Path target, EntryType type) throws IOException {
    BasicFileAttributes existing = attributesOf(target);
    if (existing == null || (existing.isDirectory() && type == EntryType.DIRECTORY)) {
      return null;
    }
    if (existing.isDirectory()) {
      try (var children = Files.list(target)) {
        if (children.findAny().isPresent()) {
          return "replaces a directory that is not empty";
        }
      }
    }
    Files.delete(target);
    return null;
  }

  private static String checkHardLinkSource(Path root, String linkTarget) throws IOException {
    Path current = root;
    String[] segments = linkTarget.split("/");
    for (int i = 0; i < segments.length; i++) {
      current = current.resolve(segments[i]);
      BasicFileAttributes attributes = attributesOf(current);
      boolean last = i == segments.length - 1;
      if (attributes == null) {
        return "hard link target '" + linkTarget + "' was not extracted";
      }
      if (!last && !attributes.isDirectory()) {
        return "hard link target '" + linkTarget + "' lies under a symlink or file";
      }
      if (last && attributes.isDirectory()) {
        return "hard link target '" + linkTarget + "' is a directory";
      }
    }
    return null;
  }

  private static BasicFileAttributes attributesOf(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values();
    // values() runs from OWNER_READ (0400) down to OTHERS_EXECUTE (0001).
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}
