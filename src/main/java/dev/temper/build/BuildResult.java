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
 * @param roots the assembled root file systems, in the same order
 * @param outputs where the image went, as references
 */
public record BuildResult(
    String name,
    Path lockFile,
    boolean lockCreated,
    long sourceDateEpoch,
    Descriptor image,
    List<ImageWrite.PlatformImage> platforms,
    List<RootFsAssembly.Assembled> roots,
    List<String> outputs) {

  /** Returns the number of packages in the first platform's image. */
  public int packageCount() {
    return (int)
        roots.get(0).tree().nodes().stream()
            .filter(n -> n.entry().path().startsWith(PackageRecords.DIRECTORY + "/"))
            .filter(n -> !n.entry().path().endsWith(".md5sums"))
            .count();
  }

  /** Returns the number of entries in the first platform's root file system. */
  public int fileCount() {
    return roots.get(0).tree().size();
  }

  /** Returns the sum of the first platform's compressed layer sizes in bytes. */
  public long compressedSize() {
    return platforms.get(0).compressedSize();
  }

  /** Returns the sum of the first platform's uncompressed layer sizes in bytes. */
  public long uncompressedSize() {
    return platforms.get(0).uncompressedSize();
  }

  /** Returns what the first platform's hardening removed or changed. */
  public List<Hardening.Removal> removals() {
    return roots.get(0).removals();
  }
}
