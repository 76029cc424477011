package dev.temper.sbom;

import dev.temper.archive.EntryType;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.image.ImageFile;
import dev.temper.oci.image.ImageFileVisitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A test walker: directories stand for layers, bottom first, and a path in a higher one replaces
 * the same path below. Whiteouts are not modelled. It replaces the image walker of the oci package,
 * so the catalogers can be tested on plain directories; each layer's digest is the SHA-256 of its
 * index.
 */
final class DirectoryLayers {
  private DirectoryLayers() {}

  /** Returns the fake digest of layer {@code index}. */
  static Digest layerDigest(int index) {
    return Digest.sha256(("layer " + index).getBytes(StandardCharsets.UTF_8));
  }

  /** Walks the final view in path order, or in reverse order when {@code reverse} is set. */
  static void walk(List<Path> layers, boolean reverse, ImageFileVisitor visitor)
      throws IOException, TemperException {
    Map<String, Path> files = new TreeMap<>();
    Map<String, Integer> layerOf = new TreeMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Path root = layers.get(i);
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : (Iterable<Path>) paths::iterator) {
          if (!path.equals(root)) {
            String relative = root.relativize(path).toString();
            files.put(relative, path);
            layerOf.put(relative, i);
          }
        }
      }
    }
    List<String> order = new ArrayList<>(files.keySet());
    if (reverse) {
      order.sort(Comparator.reverseOrder());
    }
    for (String relative : order) {
      visit(relative, files.get(relative), layerOf.get(relative), visitor);
    }
  }

  private static void visit(String relative, Path path, int layer, ImageFileVisitor visitor)
      throws IOException, TemperException {
    PosixFileAttributes attributes =
        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isOther()) {
      return; // device nodes, fifos and sockets have no entry type in an image's file view
    }
    int mode = 0;
    for (PosixFilePermission permission : attributes.permissions()) {
      mode |= 1 << (8 - permission.ordinal());
    }
    EntryType type =
        attributes.isSymbolicLink()
            ? EntryType.SYMLINK
            : attributes.isDirectory() ? EntryType.DIRECTORY : EntryType.FILE;
    String target = type == EntryType.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
    long size = type == EntryType.FILE ? attributes.size() : 0;
    ImageFile file =
        new ImageFile(relative, type, mode, 0, 0, target, size, layer, layerDigest(layer));
    if (type == EntryType.FILE) {
      try (InputStream in = Files.newInputStream(path)) {
        visitor.visit(file, in);
      }
    } else {
      visitor.visit(file, InputStream.nullInputStream());
    }
  }

  /** Runs every cataloger over the layers and returns the inventory. */
  static Inventory inventory(List<Path> layers, boolean reverse, ArchiveLimits limits)
      throws IOException, TemperException {
    InventoryCollector collector = new InventoryCollector(limits);
    walk(layers, reverse, collector);
    return collector.finish(
        new ImageSubject(
            "dir:" + layers.get(layers.size() - 1),
            "sha256:" + layerDigest(99).hex(),
            "2024-05-01T12:30:45.123456789Z",
            "linux/amd64"));
  }
}
