package dev.temper.build;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import java.io.IOException;
import java.nio.file.Path;

/** Writes an image of an OCI layout as a docker archive. */
final class DockerArchiveExport {
  private DockerArchiveExport() {}

  static void write(Path layout, Descriptor manifest, Path file, String repoTag)
      throws IOException, TemperException {
    // TODO: write through the docker-archive writer of dev.temper.oci once it exists.
    throw new InvalidInputException("docker-archive output is not supported yet");
  }
}
