package dev.temper.sbom;

import dev.temper.archive.EntryType;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.image.ImageFile;
import dev.temper.oci.image.ImageFileVisitor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A test walker over one gzip layer blob: it streams the tar and hands each entry to the visitor,
 * with no whiteouts and no digest check. It replaces the image walker of the oci package in the
 * timing harness until that walker is merged.
 */
final class LayerTarWalker {
  private LayerTarWalker() {}

  static void walk(Path blob, Digest digest, ImageFileVisitor visitor)
      throws IOException, TemperException {
    try (InputStream in =
            new GZIPInputStream(
                new BufferedInputStream(Files.newInputStream(blob), 1 << 16), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
        EntryType type =
            entry.isSymbolicLink()
                ? EntryType.SYMLINK
                : entry.isLink()
                    ? EntryType.HARDLINK
                    : entry.isDirectory()
                        ? EntryType.DIRECTORY
                        : entry.isFile() ? EntryType.FILE : null;
        if (path.isEmpty() || type == null) {
          continue;
        }
        ImageFile file =
            new ImageFile(
                path,
                type,
                entry.getMode() & 07777,
                (int) entry.getLongUserId(),
                (int) entry.getLongGroupId(),
                type == EntryType.SYMLINK || type == EntryType.HARDLINK
                    ? entry.getLinkName()
                    : null,
                type == EntryType.FILE ? entry.getSize() : 0,
                0,
                digest);
        visitor.visit(file, type == EntryType.FILE ? tar : InputStream.nullInputStream());
      }
    }
  }

  /** Times one inventory of a single-layer OCI layout: {@code LAYOUT LAYER_HEX FORMAT OUT}. */
  public static void main(String[] args) throws Exception {
    Path layout = Path.of(args[0]);
    Digest digest = new Digest("sha256", args[1]);
    long start = System.nanoTime();
    InventoryCollector collector = new InventoryCollector();
    walk(layout.resolve("blobs/sha256").resolve(args[1]), digest, collector);
    Inventory inventory =
        collector.finish(new ImageSubject("oci:" + layout, "sha256:" + args[1], null, null));
    try (var out = Files.newOutputStream(Path.of(args[3]))) {
      SbomWriters.write(inventory, SbomFormat.fromOptionName(args[2]), out);
    }
    System.out.printf(
        "%d packages, %d archives, %d runtimes, %d warnings in %d ms%n",
        inventory.debianPackages().size(),
        inventory.javaArchives().size(),
        inventory.javaRuntimes().size(),
        inventory.warnings().size(),
        (System.nanoTime() - start) / 1_000_000);
  }
}
