package dev.temper.vuln;

import java.util.Objects;

/**
 * One installed package or archive that a scan checks, taken from an image's inventory.
 *
 * @param ecosystem the ecosystem whose advisories apply
 * @param name the binary package name, or {@code groupId:artifactId} for Maven
 * @param version the installed version of the binary package or artifact
 * @param sourceName the Debian source package, or the same as {@code name} when there is none
 * @param sourceVersion the version of the source package, which differs from {@code version} for
 *     binNMUs and for binaries that carry their own version (such as {@code libdevmapper1.02.1}
 *     from {@code lvm2})
 * @param purl the package URL, used to match VEX statements, or empty
 * @param layer the digest of the image layer that contains the package, or empty
 * @param path the file that records the package, such as {@code var/lib/dpkg/status} or the JAR
 */
public record Component(
    Ecosystem ecosystem,
    String name,
    String version,
    String sourceName,
    String sourceVersion,
    String purl,
    String layer,
    String path) {

  /** Checks that the identifying fields are present and fills in the source from the binary. */
  public Component {
    Objects.requireNonNull(ecosystem, "ecosystem");
    requireText(name, "name");
    requireText(version, "version");
    sourceName = sourceName == null || sourceName.isEmpty() ? name : sourceName;
    sourceVersion = sourceVersion == null || sourceVersion.isEmpty() ? version : sourceVersion;
    purl = Objects.requireNonNullElse(purl, "");
    layer = Objects.requireNonNullElse(layer, "");
    path = Objects.requireNonNullElse(path, "");
  }

  /** Creates a Debian binary package built from {@code sourceName} at {@code sourceVersion}. */
  public static Component debian(
      String name, String version, String sourceName, String sourceVersion, String architecture) {
    String purl = "pkg:deb/debian/" + name + "@" + version + "?arch=" + architecture;
    return new Component(Ecosystem.DEBIAN, name, version, sourceName, sourceVersion, purl, "", "");
  }

  /** Creates a Maven artifact found in the archive at {@code path}. */
  public static Component maven(String groupId, String artifactId, String version, String path) {
    String purl = "pkg:maven/" + groupId + "/" + artifactId + "@" + version;
    String name = groupId + ":" + artifactId;
    return new Component(Ecosystem.MAVEN, name, version, name, version, purl, "", path);
  }

  /** Returns a copy that names the layer and file where the package was found. */
  public Component locatedAt(String layerDigest, String file) {
    return new Component(
        ecosystem, name, version, sourceName, sourceVersion, purl, layerDigest, file);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("component " + field + " is missing");
    }
  }
}
