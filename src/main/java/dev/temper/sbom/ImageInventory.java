package dev.temper.sbom;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageFiles;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.image.WalkOptions;
import java.io.IOException;

/** Inventories any image source in one walk of its final file view. */
public final class ImageInventory {
  private ImageInventory() {}

  /**
   * Reads the image once and runs every cataloger over it. Entries the walk skips as unsafe (such
   * as paths with {@code ..}) and items the catalogers cannot read become warnings in the
   * inventory.
   *
   * @throws dev.temper.error.IntegrityException when a layer's digest differs from the manifest's
   * @throws InvalidInputException when a layer cannot be read at all
   */
  public static Inventory of(ImageSource source) throws IOException, TemperException {
    ImageSubject subject = subject(source);
    InventoryCollector collector = new InventoryCollector();
    WalkOptions options =
        WalkOptions.DEFAULT.withWarnings(
            w ->
                collector.warn(
                    w.layerDigest() == null
                        ? w.source()
                        : w.source() + " layer " + w.layerIndex() + " " + w.layerDigest(),
                    "skipped entry '" + w.path() + "': " + w.problem()));
    ImageFiles.walk(source, collector, options);
    return collector.finish(subject);
  }

  /**
   * Returns what an SBOM names as its subject: the image's name, manifest digest, created time and
   * platform.
   */
  public static ImageSubject subject(ImageSource source) throws InvalidInputException {
    if (source.rootfsDirectory().isPresent()) {
      return new ImageSubject(source.name(), null, null, null);
    }
    ResolvedImage image = source.image();
    String platform = null;
    if (image.config().os() != null && image.config().architecture() != null) {
      platform =
          image.config().os()
              + "/"
              + image.config().architecture()
              + (image.config().variant() == null ? "" : "/" + image.config().variant());
    }
    return new ImageSubject(
        source.name(),
        image.manifestDescriptor().digest().toString(),
        image.config().created(),
        platform);
  }
}
