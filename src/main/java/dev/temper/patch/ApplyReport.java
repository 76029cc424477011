package dev.temper.patch;

import java.util.List;
import java.util.Optional;

/**
 * The changes that {@code temper patch SPEC --apply} made.
 *
 * @param spec the spec file
 * @param lockFile the lock that was updated
 * @param changes the packages whose pinned version changed, appeared or went away
 * @param changelogCves the CVEs that the changelogs of the changed packages name as fixed
 * @param advisoryCves the CVEs that the advisory database finds in the old lock but not in the new
 *     one; empty without a database
 * @param advisoryNote which advisory data was used, or why none was
 * @param before the image before, read from the output or built from the old lock
 * @param after the rebuilt image
 * @param output where the rebuilt image went, such as {@code oci:out/base:latest}
 * @param movedPins the pins of the spec that were moved to the version of their update
 * @param notApplied the listed updates that the new lock does not install
 */
public record ApplyReport(
    String spec,
    String lockFile,
    List<Change> changes,
    List<String> changelogCves,
    List<String> advisoryCves,
    String advisoryNote,
    Optional<ImageState> before,
    ImageState after,
    String output,
    List<MovedPin> movedPins,
    List<NotApplied> notApplied) {

  public ApplyReport {
    changes = List.copyOf(changes);
    changelogCves = List.copyOf(changelogCves);
    advisoryCves = List.copyOf(advisoryCves);
    movedPins = List.copyOf(movedPins);
    notApplied = List.copyOf(notApplied);
  }

  /** Returns how many listed updates stay uninstalled because the spec pins their version. */
  public long heldBySpec() {
    return notApplied.stream().filter(n -> n.update().heldBy().isPresent()).count();
  }

  /** Returns every closed CVE, from the changelogs and the advisories, without repeats. */
  public List<String> closedCves() {
    return java.util.stream.Stream.concat(changelogCves.stream(), advisoryCves.stream())
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * One package whose pin changed.
   *
   * @param name the package
   * @param architecture its architecture
   * @param from the old version, or empty for an added package
   * @param to the new version, or empty for a removed package
   */
  public record Change(
      String name, String architecture, Optional<String> from, Optional<String> to) {}

  /**
   * An image as a manifest digest and its compressed size.
   *
   * @param digest the digest of the manifest, or of the index of a multi-architecture image
   * @param compressedSize the sum of the layer sizes of the first platform, in bytes
   * @param packages the number of packages in the first platform
   */
  public record ImageState(String digest, long compressedSize, int packages) {}

  /**
   * A spec pin that was moved so that its update installs.
   *
   * @param pin the request as it was
   * @param version the version it names now
   */
  public record MovedPin(SpecPin pin, String version) {
    /** Returns the request as it is now. */
    public String to() {
      return pin.withVersion(version);
    }
  }

  /**
   * A listed update that the new lock does not install.
   *
   * @param update the update as listed
   * @param keptVersion the version that the new lock pins
   */
  public record NotApplied(PackageUpdate update, String keptVersion) {
    /** Returns why the update stays out: the spec's pin, or the resolved package set. */
    public String reason() {
      return update
          .heldBy()
          .map(pin -> "held by " + pin.location() + " (" + pin.request() + ")")
          .orElse(
              "the resolver kept it, so a dependency or a conflict in the package set holds it");
    }
  }
}
