package dev.temper.archive;

import java.util.Objects;

/**
 * One entry of a file tree that becomes an image layer: what the deb reader produces, the build
 * steps change and the layer writer writes. Times are not kept per entry, because layers take one
 * fixed time from SOURCE_DATE_EPOCH.
 *
 * @param path the path relative to the root, without leading {@code /} or {@code ./} and without a
 *     trailing {@code /}, such as {@code usr/bin/java}; no segment is empty, {@code .} or {@code
 *     ..}
 * @param type the kind of entry
 * @param mode the permission bits including setuid, setgid and sticky ({@code 07777} at most)
 * @param uid the owner's user id
 * @param gid the owner's group id
 * @param linkTarget the target of a symlink as written, or the path of a hard link's target; null
 *     for other types
 * @param content the bytes of a regular file; {@link Content#EMPTY} for other types
 */
public record FileEntry(
    String path, EntryType type, int mode, int uid, int gid, String linkTarget, Content content) {

  public FileEntry {
    Objects.requireNonNull(type, "type");
    EntryPaths.requireNormal(path);
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException(path + ": invalid mode " + Integer.toOctalString(mode));
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException(path + ": invalid owner " + uid + ":" + gid);
    }
    boolean link = type == EntryType.SYMLINK || type == EntryType.HARDLINK;
    if (link != (linkTarget != null)) {
      throw new IllegalArgumentException(path + ": only links have a link target");
    }
    content = content == null ? Content.EMPTY : content;
    if (type != EntryType.FILE && content.size() != 0) {
      throw new IllegalArgumentException(path + ": only regular files have content");
    }
  }

  /** Creates a directory owned by root. */
  public static FileEntry directory(String path, int mode) {
    return new FileEntry(path, EntryType.DIRECTORY, mode, 0, 0, null, Content.EMPTY);
  }

  /** Creates a regular file owned by root. */
  public static FileEntry file(String path, int mode, Content content) {
    return new FileEntry(path, EntryType.FILE, mode, 0, 0, null, content);
  }

  /** Creates a symlink owned by root. */
  public static FileEntry symlink(String path, String target) {
    return new FileEntry(path, EntryType.SYMLINK, 0777, 0, 0, target, Content.EMPTY);
  }

  /** Returns a copy with another path. */
  public FileEntry withPath(String newPath) {
    return new FileEntry(newPath, type, mode, uid, gid, linkTarget, content);
  }

  /** Returns a copy with other permission bits. */
  public FileEntry withMode(int newMode) {
    return new FileEntry(path, type, newMode, uid, gid, linkTarget, content);
  }

  /** Returns a copy with another owner. */
  public FileEntry withOwner(int newUid, int newGid) {
    return new FileEntry(path, type, mode, newUid, newGid, linkTarget, content);
  }
}
