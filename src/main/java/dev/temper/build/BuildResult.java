package dev.temper.build;

import dev.temper.oci.Descriptor;
import java.nio.file.Path;
import java.util.List;

/**
 * What a build made, for the command line to report.
 *
 * @param name the spec's name
 * @param lockFile where the lock is
 * @param lockCreated whether the build resolved and wrote the lock
 * @param sourceDateEpoch the time stamped into the image, in seconds since 1970
 * @param image the manifest, or the index of a multi-architecture image
 * @param platforms one entry per architecture, in spec order
 * @param removals what hardening removed or changed in the first platform's image
 * @param outputs where the image went, as references
 */
public record BuildResult(
    String name,
    Path lockFile,
    boolean lockCreated,
    long sourceDateEpoch,
    Descriptor image,
    List<Platform> platforms,
    List<Removal> removals,
    List<String> outputs) {

  public BuildResult {
    platforms = List.copyOf(platforms);
    removals = List.copyOf(removals);
    outputs = List.copyOf(outputs);
  }

  /**
   * One architecture's image.
   *
   * @param architecture the Debian architecture, such as {@code amd64}
   * @param manifest the manifest's descriptor
   * @param packages the number of packages in the image
   * @param paths the number of paths in the root file system
   * @param layers the number of layers
   * @param compressedSize the sum of the layer blob sizes in bytes
   * @param uncompressedSize the sum of the uncompressed layer sizes in bytes
   * @param links the links made for runtimes, as {@code path -> target}
   */
  public record Platform(
      String architecture,
      Descriptor manifest,
      int packages,
      int paths,
      int layers,
      long compressedSize,
      long uncompressedSize,
      List<String> links) {}

  /** Returns the first platform, the only one of a single-architecture image. */
  public Platform first() {
    return platforms.get(0);
  }
}
