package dev.temper.sbom;

/**
 * The operating system named by {@code os-release}.
 *
 * @param id {@code ID}, such as {@code debian}
 * @param versionId {@code VERSION_ID}, such as {@code 12}, or null (Debian testing has none)
 * @param versionCodename {@code VERSION_CODENAME}, or null
 * @param prettyName {@code PRETTY_NAME}, or null
 * @param path the file that was read, after following a symlink
 */
public record OsRelease(
    String id, String versionId, String versionCodename, String prettyName, String path) {

  /** Returns the purl {@code distro} qualifier, such as {@code debian-12}, or null. */
  public String distro() {
    return versionId == null ? null : id + "-" + versionId;
  }
}
