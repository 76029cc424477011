package dev.temper.oci.layout;

import dev.temper.oci.blob.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** Moves the blobs of a staging directory into a layout, and removes directory trees. */
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

  /**
   * Deletes a file or a directory tree without following symbolic links; a missing one is no error.
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
