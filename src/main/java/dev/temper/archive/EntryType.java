package dev.temper.archive;

/** The kinds of file system entry that image layers and Debian packages may contain. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  /** A hard link to an earlier entry of the same archive, named by {@code linkTarget}. */
  HARDLINK
}
