package dev.temper.oci.reference;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code dir:ROOTFS}: a directory that contains an unpacked root file system. This differs from
 * skopeo, whose {@code dir:} transport names a directory of manifest and blob files.
 *
 * @param directory the root of the file system
 */
public record RootfsReference(Path directory) implements ImageReference {

  public RootfsReference {
    Objects.requireNonNull(directory, "directory");
  }

  @Override
  public String transport() {
    return "dir";
  }

  @Override
  public String toString() {
    return "dir:" + directory;
  }
}
