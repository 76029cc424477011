package dev.temper.build;

import dev.temper.archive.FileEntry;
import dev.temper.archive.LayerBlob;
import dev.temper.error.TemperException;
import dev.temper.oci.Platform;
import dev.temper.oci.image.ImageFile;
import dev.temper.sbom.ImageSubject;
import dev.temper.sbom.Inventory;
import dev.temper.sbom.InventoryCollector;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Inventories a built image from the file tree its layers were written from, so the SBOM costs no
 * second pass over compressed layers. The result equals what {@code temper sbom} reads from the
 * written image, because the layers hold exactly these entries and no whiteouts.
 */
final class ImageSbom {
  private ImageSbom() {}

  static Inventory inventory(
      String name, ImageWrite.PlatformImage image, List<LayerPlan.Layer> layers, long epoch)
      throws IOException, TemperException {
    InventoryCollector collector = new InventoryCollector();
    for (int index = 0; index < layers.size(); index++) {
      LayerBlob blob = image.layers().get(index);
      for (FileEntry entry : layers.get(index).entries()) {
        long size = entry.content().size();
        ImageFile file =
            new ImageFile(
                entry.path(),
                entry.type(),
                entry.mode(),
                entry.uid(),
                entry.gid(),
                entry.linkTarget(),
                size,
                index,
                blob.digest());
        try (InputStream content = entry.content().open()) {
          collector.visit(file, content);
        }
      }
    }
    String platform = Platform.linuxForDebian(image.architecture()).toString();
    ImageSubject subject =
        new ImageSubject(
            name,
            image.manifest().digest().toString(),
            Instant.ofEpochSecond(epoch).toString(),
            platform);
    return collector.finish(subject);
  }
}
