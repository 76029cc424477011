package dev.temper.vuln;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution release of a scanned image, from its os-release file: {@code ID=debian} and
 * {@code VERSION_ID="12"}. Debian advisories name releases by codename (the security tracker) or by
 * number (OSV's {@code Debian:12}); this type maps between the two.
 *
 * @param distribution the os-release {@code ID}, such as {@code debian}
 * @param versionId the os-release {@code VERSION_ID}, such as {@code 12}, or {@code sid} for
 *     unstable, whose os-release has no {@code VERSION_ID}
 */
public record Release(String distribution, String versionId) {
  /** Debian codenames and their release numbers. Unstable has no number and maps to sid. */
  private static final Map<String, String> DEBIAN_CODENAMES =
      Map.of(
          "buster", "10",
          "bullseye", "11",
          "bookworm", "12",
          "trixie", "13",
          "forky", "14",
          "sid", "sid",
          "unstable", "sid");

  /** Normalizes the fields to lower case and checks that they are present. */
  public Release {
    if (distribution == null || distribution.isBlank()) {
      throw new IllegalArgumentException("release distribution is missing");
    }
    if (versionId == null || versionId.isBlank()) {
      throw new IllegalArgumentException("release version is missing for " + distribution);
    }
    distribution = distribution.toLowerCase(Locale.ROOT);
    versionId = versionId.toLowerCase(Locale.ROOT);
  }

  /** Returns the Debian release with this {@code VERSION_ID}, such as {@code 12}. */
  public static Release debian(String versionId) {
    return new Release("debian", versionId);
  }

  /**
   * Returns the Debian release number of a codename, {@code sid} for {@code sid} and {@code
   * unstable}, or empty for an unknown codename.
   */
  public static Optional<String> debianVersionOf(String codename) {
    return Optional.ofNullable(DEBIAN_CODENAMES.get(codename.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns the key under which the store files advisories for this release, such as {@code 12}.
   */
  public String storeKey() {
    return versionId;
  }
}
