package dev.temper.sbom;

/**
 * A Java artifact found in a {@code .jar}, {@code .war} or {@code .ear}, possibly nested in another
 * archive.
 *
 * @param location the path in the image, with {@code !/} before each nested entry, such as {@code
 *     app/app.jar!/BOOT-INF/lib/xz-1.12.jar}
 * @param groupId the Maven group id, or null when no pom.properties gives it
 * @param artifactId the Maven artifact id, or the best name known
 * @param version the version, or null when none is known
 * @param origin where the coordinates came from
 * @param sha1 the SHA-1 of the archive's bytes in hex, or null for an artifact shaded into another
 * @param sha256 the SHA-256 of the archive's bytes in hex, or null as for {@code sha1}
 * @param parentLocation the location of the archive that contains this one or shades it, or null
 * @param layerIndex the index of the layer that contains the outermost archive
 * @param layerDigest that layer's digest, or null for images without layers
 */
public record JavaArchive(
    String location,
    String groupId,
    String artifactId,
    String version,
    Origin origin,
    String sha1,
    String sha256,
    String parentLocation,
    int layerIndex,
    String layerDigest) {

  /** The source of an archive's coordinates. */
  public enum Origin {
    POM_PROPERTIES,
    MANIFEST,
    FILE_NAME
  }
}
