package dev.temper.cli;

import dev.temper.error.TemperException;
import dev.temper.oci.Platform;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import java.io.IOException;

/** Opens the images that commands name, so every command accepts the same kinds of reference. */
final class Images {
  private Images() {}

  /**
   * Opens an image reference for a platform given as {@code os/arch[/variant]}, or null for the
   * default.
   */
  static ImageSource open(String reference, String platform) throws IOException, TemperException {
    Platform wanted = platform == null ? null : Platform.parse(platform);
    return ImageSources.localOnly().open(reference, wanted);
  }
}
