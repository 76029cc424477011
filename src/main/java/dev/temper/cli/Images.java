package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageSource;
import dev.temper.registry.transfer.Transfers;
import java.io.IOException;

/**
 * Opens the images that commands name, so every command accepts the same references: OCI layouts,
 * docker archives, root file systems and registries.
 */
final class Images {
  private Images() {}

  /**
   * Opens an image reference for a platform given as {@code os/arch[/variant]}, or null for the
   * default, with the registry options of the command.
   */
  static ImageSource open(String reference, String platform, RegistryOptions registry)
      throws IOException, TemperException {
    Transfers transfers =
        new Transfers(registry.registries(DownloadListener.NONE), ContentCache.fromEnvironment());
    return transfers.imageSources().open(reference, Cli.platform(platform));
  }
}
