package dev.temper.build;

import dev.temper.error.TemperException;
import dev.temper.oci.docker.DockerArchiveWriter;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.oci.reference.OciLayoutReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the image of a committed OCI layout as a {@code docker save} archive. */
final class DockerArchiveExport {
  private DockerArchiveExport() {}

  /**
   * Writes the archive through a temporary file and a rename.
   *
   * @param tag the tag of the image in the layout
   * @param repoTag the {@code RepoTags} entry, such as {@code java17:latest}
   */
  static void write(Path layout, String tag, Path file, String repoTag)
      throws IOException, TemperException {
    OciLayoutReference reference = OciLayoutReference.of(layout, tag);
    try (ImageSource source = ImageSources.localOnly().open(reference, null)) {
      DockerArchiveWriter.write(source, file, List.of(repoTag));
    }
  }
}
