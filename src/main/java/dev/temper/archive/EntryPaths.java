package dev.temper.archive;

/** Checks on the relative paths that {@link FileEntry} holds. */
public final class EntryPaths {
  private EntryPaths() {}

  /**
   * Rejects a path that is not in normal form: empty, absolute, with a trailing slash, or with an
   * empty, {@code .} or {@code ..} segment.
   *
   * @throws IllegalArgumentException naming the path and the problem
   */
  public static void requireNormal(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("an entry path must not be empty");
    }
    if (path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "invalid entry path '" + path + "': no leading or trailing '/' allowed");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "invalid entry path '" + path + "': empty, '.' or '..' segment");
      }
    }
    if (path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("invalid entry path: contains a NUL character");
    }
  }

  /** Returns the parent path, or the empty string for a top-level entry. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
