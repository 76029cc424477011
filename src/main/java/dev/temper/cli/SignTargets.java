package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.error.TemperException;
import dev.temper.sign.SignTarget;
import java.io.IOException;

/** Opens the image that a sign or verify command names, in a layout or a registry. */
final class SignTargets {
  /** The help text of the IMAGE parameter: the image names the commands accept. */
  static final String IMAGE_HELP =
      "The image: oci:DIR[:TAG], HOST/REPOSITORY[:TAG|@DIGEST] or docker://HOST/REPOSITORY...";

  private SignTargets() {}

  /** Opens the image with the command's registry options. */
  static SignTarget open(String image, RegistryOptions registry)
      throws IOException, TemperException {
    if (image.startsWith("oci:")) {
      // A layout needs no registry client, so no credentials file is read for it.
      return SignTarget.openLayout(image);
    }
    return SignTarget.open(
        image, registry.registries(DownloadListener.NONE), ContentCache.fromEnvironment());
  }
}
