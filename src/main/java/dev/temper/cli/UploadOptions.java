package dev.temper.cli;

import dev.temper.registry.RegistrySettings;
import picocli.CommandLine.Option;

/** The options of the commands that upload blobs to registries. */
final class UploadOptions {
  @Option(
      names = "--chunk-size",
      paramLabel = "SIZE",
      converter = ByteSizeConverter.class,
      description =
          "Upload each blob larger than SIZE in chunks of SIZE, for registries or proxies that limit the size of one request. SIZE is bytes, or a number with KiB, MiB or GiB (any case). Default: one request per blob.")
  Long chunkSize;

  /** Returns {@code settings} with these options applied. */
  RegistrySettings applyTo(RegistrySettings settings) {
    return chunkSize == null ? settings : settings.withChunkSize(chunkSize);
  }
}
