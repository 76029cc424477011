package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Registries;
import dev.temper.registry.RegistryWarmup;
import dev.temper.registry.transfer.CopyResult;
import dev.temper.registry.transfer.Transfers;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code temper copy SRC DST}: copies an image between layouts, archives and registries. */
final class CopyCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("copy")
          .describe(
              "Copies an image between oci:DIR[:TAG], docker-archive:FILE and registries, keeping"
                  + " every digest. A docker-archive stores the config and layers in its own"
                  + " format, so an image that goes through one gets new digests.")
          .parameter("SRC", "The image to copy.")
          .parameter("DST", "Where to copy it.")
          .flag("--all-platforms", "Copy every platform of a multi-platform index.")
          .option(
              "--platform",
              "OS/ARCH[/VARIANT]",
              "The platform to copy from an index. Default: the index's only platform, else the"
                  + " host's.")
          .flag("--attachments", Cli.ATTACHMENTS_HELP)
          .options(RegistryOptions.OPTIONS)
          .options(UploadOptions.OPTIONS)
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    return run(
        invocation,
        new RegistryOptions(args),
        new UploadOptions(args),
        args.string("SRC"),
        args.string("DST"),
        args.flag("--all-platforms"),
        args.string("--platform"),
        args.flag("--attachments"));
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
      Invocation invocation,
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
    if (from instanceof RegistryReference || to instanceof RegistryReference) {
      // A pull hashes every blob, so it also gets the digest compiled while the command starts.
      RegistryWarmup.start(from instanceof RegistryReference);
    }
    try (ProgressRenderer progress =
        new ProgressRenderer(
            invocation.err(), System.console() != null, java.time.Clock.systemUTC())) {
      Registries registries = options.registries(progress, upload);
      Transfers transfers = new Transfers(registries, cache);
      CopyResult result = transfers.copy(from, to, allPlatforms, Cli.platform(platform));
      PrintWriter err = invocation.err();
      // Concatenation rather than printf: the formatter's %d loads the locale's number symbols,
      // which took about 8 ms at the end of every pull.
      err.println(
          "Copied "
              + source
              + " to "
              + result.destination()
              + ": "
              + result.copied()
              + (result.copied() == 1 ? " blob" : " blobs")
              + " copied ("
              + result.bytesCopied()
              + " bytes"
              + (result.fromCache() == 0
                  ? ""
                  : ", " + result.fromCache() + " from the content cache")
              + "), "
              + result.existed()
              + " already present, "
              + result.mounted()
              + " mounted");
      if (attachments) {
        copyAttachments(err, source, result, registries, cache);
      }
      // The digest goes to standard output only once everything asked for was copied.
      invocation.out().println(result.root().digest());
    }
    return ExitCodes.OK;
  }
}
