package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.error.TemperException;
import dev.temper.sign.SignTarget;
import java.io.IOException;

/** Opens the image that a sign or verify command names, in a layout or a registry. */
final class SignTargets {
  /** How the commands describe the images they accept. */
  static final String IMAGE_HELP =
      "The image: oci:DIR[:TAG], HOST/REPOSITORY[:TAG|@DIGEST] or docker://HOST/REPOSITORY...";

  private SignTargets() {}

  static SignTarget open(String image, RegistryOptions registry)
      throws IOException, TemperException {
    return SignTarget.open(
        image, registry.registries(DownloadListener.NONE), ContentCache.fromEnvironment());
  }
}
