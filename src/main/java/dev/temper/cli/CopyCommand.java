package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DigestWarmup;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Registries;
import dev.temper.registry.transfer.CopyResult;
import dev.temper.registry.transfer.Transfers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper copy SRC DST}: copies an image between layouts, archives and registries. */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description =
        "Copies an image between oci:DIR[:TAG], docker-archive:FILE and registries, keeping every digest. A docker-archive stores the config and layers in its own format, so an image that goes through one gets new digests.",
    footer = ExitCodes.HELP)
final class CopyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SRC", description = "The image to copy.")
  String source;

  @Parameters(index = "1", paramLabel = "DST", description = "Where to copy it.")
  String destination;

  @Option(names = "--all-platforms", description = "Copy every platform of a multi-platform index.")
  boolean allPlatforms;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description =
          "The platform to copy from an index. Default: the index's only platform, else the host's.")
  String platform;

  @Option(names = "--attachments", description = Cli.ATTACHMENTS_HELP)
  boolean attachments;

  @Mixin RegistryOptions registryOptions;

  @Mixin UploadOptions uploadOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    return run(
        spec,
        registryOptions,
        uploadOptions,
        source,
        destination,
        allPlatforms,
        platform,
        attachments);
  }

  private static void copyAttachments(
      PrintWriter err, String source, CopyResult result, Registries registries, ContentCache cache)
      throws IOException, TemperException {
    try {
      err.println(
          "Copied attachments: "
              + AttachmentCopy.describe(AttachmentCopy.run(source, result, registries, cache)));
    } catch (IOException | TemperException | RuntimeException e) {
      err.println(
          "The image is at "
              + result.destination()
              + ", but copying its attachments failed; fix the cause and run the copy again");
      throw e;
    }
  }

  private static boolean carriesAttachments(ImageReference reference) {
    return reference instanceof OciLayoutReference || reference instanceof RegistryReference;
  }

  /** Runs a copy and prints its result; pull and push share it. */
  static int run(
      CommandSpec spec,
      RegistryOptions options,
      UploadOptions upload,
      String source,
      String destination,
      boolean allPlatforms,
      String platform,
      boolean attachments)
      throws IOException, TemperException {
    ImageReference from = ImageReferences.parse(source);
    ImageReference to = ImageReferences.parse(destination);
    if (attachments && !(carriesAttachments(from) && carriesAttachments(to))) {
      throw new InvalidInputException(
          "--attachments needs oci: layouts or registry images on both sides: a docker-archive"
              + " has no place for signatures or referrers");
    }
    ContentCache cache = ContentCache.fromEnvironment();
    if (from instanceof RegistryReference) {
      // Every pulled blob is hashed, so get the digest compiled while the command starts.
      DigestWarmup.start();
    }
    try (ProgressRenderer progress =
        new ProgressRenderer(
            spec.commandLine().getErr(), System.console() != null, java.time.Clock.systemUTC())) {
      Registries registries = options.registries(progress, upload);
      Transfers transfers = new Transfers(registries, cache);
      CopyResult result = transfers.copy(from, to, allPlatforms, Cli.platform(platform));
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "Copied %s to %s: %d %s copied (%d bytes), %d already present, %d mounted%n",
          source,
          result.destination(),
          result.copied(),
          result.copied() == 1 ? "blob" : "blobs",
          result.bytesCopied(),
          result.existed(),
          result.mounted());
      if (attachments) {
        copyAttachments(err, source, result, registries, cache);
      }
      // The digest goes to standard output only once everything asked for was copied.
      spec.commandLine().getOut().println(result.root().digest());
    }
    return ExitCodes.OK;
  }
}
