package dev.temper.oci.layout;

import dev.temper.oci.blob.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Moves the blobs of a staging directory into a layout. */
final class StagingMerge {
  private StagingMerge() {}

  /** Moves each blob file of {@code staging} into {@code target}, keeping blobs already there. */
  static void moveBlobs(Path staging, Path target) throws IOException {
    Path blobs = staging.resolve("blobs");
    List<Path> algorithms;
    try (Stream<Path> children = Files.list(blobs)) {
      algorithms = children.filter(Files::isDirectory).toList();
    }
    for (Path algorithm : algorithms) {
      Path targetDirectory = target.resolve("blobs").resolve(algorithm.getFileName().toString());
      Files.createDirectories(targetDirectory);
      List<Path> files;
      try (Stream<Path> children = Files.list(algorithm)) {
        files = children.toList();
      }
      for (Path file : files) {
        Path destination = targetDirectory.resolve(file.getFileName().toString());
        if (!Files.exists(destination)) {
          AtomicFiles.moveAtomically(file, destination);
        }
      }
    }
  }
}
