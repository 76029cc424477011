package dev.temper.oci.image;

/** Turns tar entry names into the normal relative form of {@link ImageFile#path()}. */
final class TarPaths {
  private TarPaths() {}

  /**
   * Returns the normal form of a tar name, dropping leading {@code /} and {@code ./}, empty and
   * {@code .} segments and a trailing {@code /}; the root itself becomes the empty string.
   *
   * @throws IllegalArgumentException naming the problem for a {@code ..} segment or a NUL
   */
  static String normalize(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the name contains a NUL character");
    }
    StringBuilder path = new StringBuilder(name.length());
    for (String segment : name.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw new IllegalArgumentException("'..' segment");
      }
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(segment);
    }
    return path.toString();
  }

  /** Returns the parent of a normal path, or the empty string for a top-level one. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Returns the last segment of a normal path. */
  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Joins a parent and a name; an empty parent is the root. */
  static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }
}
