package dev.temper.patch;

import dev.temper.build.Lock;
import dev.temper.sbom.DebianPackage;

/**
 * A Debian package as it is installed in an image, or pinned in the lock it was built from.
 *
 * @param name the binary package name
 * @param version the binary version
 * @param architecture the architecture, such as {@code amd64} or {@code all}
 * @param sourceName the source package
 * @param sourceVersion the source version, whose changelog entries the update compares
 */
public record InstalledPackage(
    String name, String version, String architecture, String sourceName, String sourceVersion) {

  /** Returns the package a lock pins. */
  public static InstalledPackage of(Lock.Package pin) {
    return new InstalledPackage(
        pin.name(), pin.version(), pin.architecture(), pin.source(), pin.sourceVersion());
  }

  /** Returns the package an image's dpkg status lists. */
  public static InstalledPackage of(DebianPackage pkg) {
    return new InstalledPackage(
        pkg.name(), pkg.version(), pkg.architecture(), pkg.sourceName(), pkg.sourceVersion());
  }
}
