package dev.temper.registry;

import java.util.regex.Pattern;

/**
 * A repository on a registry, such as {@code 127.0.0.1:5000/library/base}.
 *
 * @param registry the registry host with an optional port
 * @param name the repository name, lower-case path components separated by slashes
 */
public record Repository(String registry, String name) {
  // The repository name grammar of the OCI distribution spec 1.1.
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](:[0-9]{1,5})?");
  private static final int MAX_NAME_LENGTH = 255;

  /**
   * Checks both parts, so that neither can inject a path or query into a request URI.
   *
   * @throws IllegalArgumentException when the host or name is not well formed
   */
  public Repository {
    if (registry == null || !HOST.matcher(registry).matches()) {
      throw new IllegalArgumentException("invalid registry host '" + registry + "'");
    }
    if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid repository name '"
              + name
              + "': expected lower-case path components of letters, digits and separators");
    }
  }

  /** Returns the repository with the same registry and another name. */
  public Repository sibling(String otherName) {
    return new Repository(registry, otherName);
  }

  @Override
  public String toString() {
    return registry + "/" + name;
  }
}
