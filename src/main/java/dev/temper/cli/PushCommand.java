package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.TemperException;
import java.io.IOException;

/** {@code temper push oci:DIR REF}: copies an image from an OCI layout to a registry. */
final class PushCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("push")
          .describe(
              "Pushes an image from an OCI layout to a registry, keeping every digest. Blobs the"
                  + " registry has are skipped.")
          .parameter("oci:DIR[:TAG]", "The OCI layout image to push.")
          .parameter("REF", "The registry target, HOST/REPO[:TAG].")
          .flag(
              "--all-platforms",
              "Push every platform of a multi-platform index (default: only the selected"
                  + " platform).")
          .option("--platform", "OS/ARCH[/VARIANT]", "The platform to push from an index.")
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
    String layout = args.string("oci:DIR[:TAG]");
    String reference = args.string("REF");
    RegistryOptions registryOptions = new RegistryOptions(args);
    UploadOptions uploadOptions = new UploadOptions(args);
    if (!layout.startsWith("oci:")) {
      throw new UsageException(
          "push reads an OCI layout: write the source as oci:DIR[:TAG], or use temper copy");
    }
    if (reference.startsWith("oci:")
        || reference.startsWith("docker-archive:")
        || reference.startsWith("dir:")) {
      throw new UsageException(
          "push writes to a registry: " + reference + " is local; use temper copy");
    }
    return CopyCommand.run(
        invocation,
        registryOptions,
        uploadOptions,
        layout,
        reference,
        args.flag("--all-platforms"),
        args.string("--platform"),
        args.flag("--attachments"));
  }
}
