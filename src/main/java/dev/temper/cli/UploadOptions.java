package dev.temper.cli;

import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.registry.RegistrySettings;
import java.util.List;

/** The options of the commands that upload blobs to registries. */
final class UploadOptions {
  /** The declarations, which each command that uploads adds to its own. */
  static final List<OptionSpec> OPTIONS =
      List.of(
          OptionSpec.valued(
              "--chunk-size",
              "SIZE",
              "Upload each blob larger than SIZE in chunks of SIZE, for registries or proxies that"
                  + " limit the size of one request. SIZE is bytes, or a number with KiB, MiB or"
                  + " GiB (any case). Default: one request per blob."));

  /** The chunk size in bytes, or null for one request per blob. */
  private final Long chunkSize;

  /**
   * Reads the options from a command line.
   *
   * @throws UsageException when the chunk size is not a size
   */
  UploadOptions(ParsedArgs args) {
    chunkSize = args.value("--chunk-size", ByteSize::parse);
  }

  /** Returns {@code settings} with these options applied. */
  RegistrySettings applyTo(RegistrySettings settings) {
    return chunkSize == null ? settings : settings.withChunkSize(chunkSize);
  }
}
