package dev.temper.archive;

import dev.temper.archive.EntryRules.UnsafeEntryException;
import dev.temper.error.InvalidInputException;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Turns a raw tar entry into a checked {@link TarEntryHeader}. */
final class TarHeaders {
  private TarHeaders() {}

  /**
   * Checks one entry against the policy and the entries seen before it.
   *
   * @return the header, or null for the archive's root directory
   * @throws UnsafeEntryException when the policy rejects or skips the entry
   * @throws InvalidInputException when the entry passes a limit
   */
  static TarEntryHeader check(
      TarArchiveEntry entry, TarPolicy policy, String archive, Map<String, EntryType> seen)
      throws UnsafeEntryException, InvalidInputException {
    TarLimits limits = policy.limits();
    String name = entry.getName();
    checkLength(name, limits, archive, "path");
    EntryType type = typeOf(entry);

    // NOTE: commons-compress strips a leading '/' from names that come from PAX or GNU
    // long-name headers, so only plain ustar names can be rejected as absolute.
    String path = EntryRules.normalise(name, policy.allowAbsolutePaths());
    if (path.isEmpty()) {
      if (type == EntryType.DIRECTORY) {
        return null;
      }
      throw new UnsafeEntryException("a " + type.name().toLowerCase() + " in place of the root");
    }

    long size = 0;
    String linkTarget = null;
    switch (type) {
      case FILE -> {
        size = entry.getSize();
        if (size > limits.maxEntrySize()) {
          throw new InvalidInputException(
              archive
                  + ": entry '"
                  + path
                  + "' declares "
                  + size
                  + " bytes, more than the limit of "
                  + limits.maxEntrySize());
        }
      }
      case SYMLINK -> {
        linkTarget = entry.getLinkName();
        checkLength(linkTarget, limits, archive, "symlink target");
        EntryRules.checkSymlinkTarget(path, linkTarget);
      }
      case HARDLINK -> {
        checkLength(entry.getLinkName(), limits, archive, "hard link target");
        linkTarget = hardLinkTarget(entry.getLinkName(), policy, seen);
      }
      case DIRECTORY -> {}
    }

    EntryType earlier = seen.get(path);
    if (policy.rejectUnsafe()
        && earlier != null
        && !(earlier == EntryType.DIRECTORY && type == EntryType.DIRECTORY)) {
      throw new UnsafeEntryException("duplicate entry for '" + path + "'");
    }
    long uid = entry.getLongUserId();
    long gid = entry.getLongGroupId();
    if (uid < 0 || uid > Integer.MAX_VALUE || gid < 0 || gid > Integer.MAX_VALUE) {
      throw new UnsafeEntryException("owner " + uid + ":" + gid + " out of range");
    }
    int mode = entry.getMode() & 07777;
    long modTime = entry.getModTime().getTime() / 1000;
    return new TarEntryHeader(path, type, mode, (int) uid, (int) gid, linkTarget, size, modTime);
  }

  private static EntryType typeOf(TarArchiveEntry entry) throws UnsafeEntryException {
    if (entry.isSymbolicLink()) {
      return EntryType.SYMLINK;
    }
    if (entry.isLink()) {
      return EntryType.HARDLINK;
    }
    if (entry.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      throw new UnsafeEntryException("device node");
    }
    if (entry.isFIFO()) {
      throw new UnsafeEntryException("FIFO");
    }
    if (entry.isSparse()) {
      throw new UnsafeEntryException("sparse file, which is not supported");
    }
    if (entry.isFile()) {
      return EntryType.FILE;
    }
    throw new UnsafeEntryException(
        "unsupported entry type '"
            + TarReader.printable(String.valueOf((char) entry.getLinkFlag()))
            + "'");
  }

  private static String hardLinkTarget(String raw, TarPolicy policy, Map<String, EntryType> seen)
      throws UnsafeEntryException {
    String target;
    try {
      target = EntryRules.normalise(raw, policy.allowAbsolutePaths());
    } catch (UnsafeEntryException e) {
      throw new UnsafeEntryException("hard link target: " + e.getMessage());
    }
    EntryType targetType = seen.get(target);
    if (targetType == null) {
      throw new UnsafeEntryException(
          "hard link to '" + TarReader.printable(raw) + "', which is not an earlier entry");
    }
    if (targetType == EntryType.DIRECTORY) {
      throw new UnsafeEntryException("hard link to the directory '" + target + "'");
    }
    return target;
  }

  private static void checkLength(String text, TarLimits limits, String archive, String what)
      throws InvalidInputException {
    if (text.length() > limits.maxPathLength()) {
      throw new InvalidInputException(
          archive
              + ": "
              + what
              + " of "
              + text.length()
              + " characters exceeds the limit of "
              + limits.maxPathLength()
              + ": '"
              + TarReader.printable(text.substring(0, 64))
              + "...'");
    }
  }
}
