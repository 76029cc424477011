package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.TemperException;
import java.io.IOException;

/** {@code temper pull REF oci:DIR}: copies an image from a registry into an OCI layout. */
final class PullCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("pull")
          .describe(
              "Pulls an image from a registry into an OCI layout, keeping every digest. Blobs go"
                  + " through the content cache.")
          .parameter("REF", "The registry image, HOST/REPO[:TAG][@DIGEST].")
          .parameter("oci:DIR[:TAG]", "The OCI layout to write; the tag defaults to the source's.")
          .flag("--all-platforms", "Pull every platform of a multi-platform index.")
          .option("--platform", "OS/ARCH[/VARIANT]", "The platform to pull from an index.")
          .flag("--attachments", Cli.ATTACHMENTS_HELP)
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    String reference = args.string("REF");
    String layout = args.string("oci:DIR[:TAG]");
    if (!layout.startsWith("oci:")) {
      throw new UsageException(
          "pull writes an OCI layout: write the target as oci:DIR[:TAG], or use temper copy");
    }
    if (reference.startsWith("oci:")
        || reference.startsWith("docker-archive:")
        || reference.startsWith("dir:")) {
      throw new UsageException(
          "pull reads from a registry: " + reference + " is local; use temper copy");
    }
    return CopyCommand.run(
        invocation,
        new RegistryOptions(args),
        null,
        reference,
        layout,
        args.flag("--all-platforms"),
        args.string("--platform"),
        args.flag("--attachments"));
  }
}
