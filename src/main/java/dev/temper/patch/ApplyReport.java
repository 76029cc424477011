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
    String output) {

  public ApplyReport {
    changes = List.copyOf(changes);
    changelogCves = List.copyOf(changelogCves);
    advisoryCves = List.copyOf(advisoryCves);
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
}
