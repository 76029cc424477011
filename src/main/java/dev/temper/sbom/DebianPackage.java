package dev.temper.sbom;

import java.util.List;

/**
 * An installed Debian package.
 *
 * @param name the binary package name
 * @param version the version as dpkg records it, epoch included
 * @param architecture the Debian architecture, such as {@code amd64} or {@code all}
 * @param sourceName the source package name, the binary name when the status entry names none
 * @param sourceVersion the source version, the binary version when the entry gives none
 * @param installedSize the installed size in KiB as the entry states it, or 0
 * @param layerIndex the index of the layer that introduced the package
 * @param layerDigest that layer's digest, or null for images without layers
 * @param statusFile the path of the status file that lists it, such as {@code var/lib/dpkg/status}
 * @param licenses the license names of the machine-readable copyright file, in file order; empty
 *     when the file is missing or not machine-readable
 */
public record DebianPackage(
    String name,
    String version,
    String architecture,
    String sourceName,
    String sourceVersion,
    long installedSize,
    int layerIndex,
    String layerDigest,
    String statusFile,
    List<String> licenses) {

  public DebianPackage {
    licenses = List.copyOf(licenses);
  }

  /** Returns a copy with the given licenses. */
  public DebianPackage withLicenses(List<String> newLicenses) {
    return new DebianPackage(
        name,
        version,
        architecture,
        sourceName,
        sourceVersion,
        installedSize,
        layerIndex,
        layerDigest,
        statusFile,
        newLicenses);
  }

  /** Returns a copy attributed to another layer. */
  public DebianPackage withLayer(int newLayerIndex, String newLayerDigest) {
    return new DebianPackage(
        name,
        version,
        architecture,
        sourceName,
        sourceVersion,
        installedSize,
        newLayerIndex,
        newLayerDigest,
        statusFile,
        licenses);
  }
}
