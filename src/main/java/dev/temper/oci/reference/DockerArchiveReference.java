package dev.temper.oci.reference;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code docker-archive:FILE[:NAME:TAG]} or {@code docker-archive:FILE:@INDEX}: an image in a tar
 * file in the format of {@code docker save}.
 *
 * @param file the archive
 * @param name the {@code RepoTags} entry that selects the image when reading, or names it when
 *     writing, as {@code repository:tag}; null when absent
 * @param sourceIndex the zero-based position of the image in the archive's {@code manifest.json},
 *     or -1
 */
public record DockerArchiveReference(Path file, String name, int sourceIndex)
    implements ImageReference {

  public DockerArchiveReference {
    Objects.requireNonNull(file, "file");
    if (name != null && sourceIndex >= 0) {
      throw new IllegalArgumentException(
          "a docker-archive: reference has a name or an index, not both");
    }
    if (sourceIndex < -1) {
      throw new IllegalArgumentException("invalid source index " + sourceIndex);
    }
  }

  @Override
  public String transport() {
    return "docker-archive";
  }

  @Override
  public String toString() {
    if (name != null) {
      return "docker-archive:" + file + ":" + name;
    }
    if (sourceIndex >= 0) {
      return "docker-archive:" + file + ":@" + sourceIndex;
    }
    return "docker-archive:" + file;
  }
}
