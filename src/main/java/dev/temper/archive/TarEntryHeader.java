package dev.temper.archive;

/**
 * One entry of a tar stream after its path has been normalised and checked, before its content is
 * read.
 *
 * @param path the path in normal form, as {@link FileEntry} holds it
 * @param type the kind of entry
 * @param mode the permission bits including setuid, setgid and sticky
 * @param uid the owner's user id
 * @param gid the owner's group id
 * @param linkTarget a symlink's target as written, or a hard link's target in normal form; null for
 *     other types
 * @param size the content size of a regular file in bytes, 0 for other types
 * @param modTime the modification time in seconds since the epoch
 */
public record TarEntryHeader(
    String path,
    EntryType type,
    int mode,
    int uid,
    int gid,
    String linkTarget,
    long size,
    long modTime) {

  /** Returns the entry as a {@link FileEntry} with this content, which regular files need. */
  public FileEntry toFileEntry(Content content) {
    return new FileEntry(path, type, mode, uid, gid, linkTarget, content);
  }
}
