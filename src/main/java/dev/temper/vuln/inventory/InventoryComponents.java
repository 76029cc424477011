package dev.temper.vuln.inventory;

import dev.temper.sbom.DebianPackage;
import dev.temper.sbom.Inventory;
import dev.temper.sbom.JavaArchive;
import dev.temper.sbom.OsRelease;
import dev.temper.vuln.Component;
import dev.temper.vuln.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The components of an image's inventory in the form the scanner matches: Debian packages with
 * their source package and the status file that lists them, Java archives by {@code
 * groupId:artifactId}, and the Debian release from os-release.
 *
 * @param release the Debian release, empty when the image has no os-release, is not Debian, or
 *     names no version; its Debian packages are then left out
 * @param components the components to match
 * @param notes what was left out and why, in words
 */
public record InventoryComponents(
    Optional<Release> release, List<Component> components, List<String> notes) {

  public InventoryComponents {
    Objects.requireNonNull(release, "release");
    components = List.copyOf(components);
    notes = List.copyOf(notes);
  }

  /** Maps an inventory to components. */
  public static InventoryComponents of(Inventory inventory) {
    List<String> notes = new ArrayList<>();
    Optional<Release> release = releaseOf(inventory.os(), notes);
    List<Component> components = new ArrayList<>();
    if (release.isPresent()) {
      for (DebianPackage pkg : inventory.debianPackages()) {
        components.add(debian(pkg));
      }
    } else if (!inventory.debianPackages().isEmpty()) {
      notes.add(
          "left out "
              + inventory.debianPackages().size()
              + " Debian packages: no Debian release to match them in");
    }
    int unnamed = 0;
    for (JavaArchive archive : inventory.javaArchives()) {
      if (archive.groupId() == null || archive.version() == null) {
        unnamed++;
        continue;
      }
      components.add(
          Component.maven(
                  archive.groupId(), archive.artifactId(), archive.version(), archive.location())
              .locatedAt(orEmpty(archive.layerDigest()), archive.location()));
    }
    if (unnamed > 0) {
      notes.add(
          "left out "
              + unnamed
              + " Java archives without a Maven group id and version (no pom.properties)");
    }
    return new InventoryComponents(release, components, notes);
  }

  /** Returns the component of one installed Debian package. */
  static Component debian(DebianPackage pkg) {
    return Component.debian(
            pkg.name(), pkg.version(), pkg.sourceName(), pkg.sourceVersion(), pkg.architecture())
        .locatedAt(orEmpty(pkg.layerDigest()), pkg.statusFile());
  }

  /**
   * Returns the Debian release named by os-release: {@code VERSION_ID} when present, else the
   * number of {@code VERSION_CODENAME} (testing and unstable have no {@code VERSION_ID}).
   */
  static Optional<Release> releaseOf(OsRelease os, List<String> notes) {
    if (os == null) {
      notes.add("the image has no os-release file: matching Java archives only");
      return Optional.empty();
    }
    if (!"debian".equals(os.id())) {
      notes.add(
          "the image's distribution is '"
              + os.id()
              + "' ("
              + os.path()
              + "), not Debian: matching Java archives only");
      return Optional.empty();
    }
    if (os.versionId() != null && !os.versionId().isBlank()) {
      return Optional.of(Release.debian(os.versionId()));
    }
    if (os.versionCodename() != null) {
      Optional<String> number = Release.debianVersionOf(os.versionCodename());
      if (number.isPresent()) {
        return Optional.of(Release.debian(number.get()));
      }
    }
    notes.add(
        "os-release "
            + os.path()
            + " names no Debian version or known codename: matching Java archives only");
    return Optional.empty();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
