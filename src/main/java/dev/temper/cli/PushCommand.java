package dev.temper.cli;

import dev.temper.error.TemperException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper push oci:DIR REF}: copies an image from an OCI layout to a registry. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description =
        "Pushes an image from an OCI layout to a registry, keeping every digest. Blobs the registry has are skipped.",
    footer = ExitCodes.HELP)
final class PushCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "oci:DIR[:TAG]",
      description = "The OCI layout image to push.")
  String layout;

  @Parameters(
      index = "1",
      paramLabel = "REF",
      description = "The registry target, HOST/REPO[:TAG].")
  String reference;

  @Option(
      names = "--all-platforms",
      description =
          "Push every platform of a multi-platform index (default: only the selected platform).")
  boolean allPlatforms;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to push from an index.")
  String platform;

  @Option(names = "--attachments", description = Cli.ATTACHMENTS_HELP)
  boolean attachments;

  @Mixin RegistryOptions registryOptions;

  @Mixin UploadOptions uploadOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    if (!layout.startsWith("oci:")) {
      throw new ParameterException(
          spec.commandLine(),
          "push reads an OCI layout: write the source as oci:DIR[:TAG], or use temper copy");
    }
    if (reference.startsWith("oci:")
        || reference.startsWith("docker-archive:")
        || reference.startsWith("dir:")) {
      throw new ParameterException(
          spec.commandLine(),
          "push writes to a registry: " + reference + " is local; use temper copy");
    }
    return CopyCommand.run(
        spec,
        registryOptions,
        uploadOptions,
        layout,
        reference,
        allPlatforms,
        platform,
        attachments);
  }
}
