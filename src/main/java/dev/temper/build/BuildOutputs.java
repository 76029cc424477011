package dev.temper.build;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.reference.DockerArchiveReference;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.OciLayoutReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outputs of a build: at most one OCI layout, which the image is written into directly, and
 * docker archives made from it afterwards. Without outputs the image goes to {@code
 * oci:./out/<name>:latest}.
 */
final class BuildOutputs {
  static final String DEFAULT_TAG = "latest";

  private final OciLayoutReference layout;
  private final List<DockerArchiveReference> archives;
  private final String name;

  private BuildOutputs(
      OciLayoutReference layout, List<DockerArchiveReference> archives, String name) {
    this.layout = layout;
    this.archives = archives;
    this.name = name;
  }

  /**
   * Checks the requested outputs against the spec.
   *
   * @throws InvalidInputException for an unsupported transport, two layouts, or a docker archive of
   *     a multi-architecture image, which the format cannot hold
   */
  static BuildOutputs of(List<ImageReference> requested, Spec spec) throws InvalidInputException {
    OciLayoutReference layout = null;
    List<DockerArchiveReference> archives = new ArrayList<>();
    for (ImageReference reference : requested) {
      if (reference instanceof OciLayoutReference oci) {
        if (layout != null) {
          throw new InvalidInputException("--output: give at most one oci: layout");
        }
        if (oci.sourceIndex() >= 0) {
          throw new InvalidInputException("--output " + oci + ": write to a tag, not an index");
        }
        layout = oci;
      } else if (reference instanceof DockerArchiveReference archive) {
        if (spec.architectures().size() > 1) {
          throw new InvalidInputException(
              "--output "
                  + archive
                  + ": a docker archive holds one platform, but the spec builds "
                  + spec.architectures());
        }
        archives.add(archive);
      } else {
        throw new InvalidInputException(
            "--output " + reference + ": temper build writes oci: and docker-archive: outputs");
      }
    }
    if (layout == null && archives.isEmpty()) {
      layout = OciLayoutReference.of(Path.of("out", spec.name()), DEFAULT_TAG);
    }
    return new BuildOutputs(layout, List.copyOf(archives), spec.name());
  }

  /** Returns the layout directory: the oci: output, or one in the work directory. */
  Path layoutDirectory(Path work) {
    return layout != null ? layout.directory() : work.resolve("layout");
  }

  /** Returns the tag of the image in the layout. */
  String tag() {
    return layout != null && layout.tag() != null ? layout.tag() : DEFAULT_TAG;
  }

  /** Writes each docker archive from the committed layout. */
  void writeDockerArchives(Path layoutDirectory) throws IOException, TemperException {
    for (DockerArchiveReference archive : archives) {
      String repoTag = archive.name() != null ? archive.name() : name + ":" + DEFAULT_TAG;
      DockerArchiveExport.write(layoutDirectory, tag(), archive.file(), repoTag);
    }
  }

  /** Returns the outputs as references, such as {@code oci:out/java17:latest}. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    if (layout != null) {
      names.add("oci:" + layout.directory() + ":" + tag());
    }
    archives.forEach(a -> names.add(a.toString()));
    return names;
  }

  /** Deletes a directory tree, ignoring what is already gone. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
