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

/** {@code temper pull REF oci:DIR}: copies an image from a registry into an OCI layout. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description =
        "Pulls an image from a registry into an OCI layout, keeping every digest. Blobs go through the content cache.",
    footer = ExitCodes.HELP)
final class PullCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "REF",
      description = "The registry image, HOST/REPO[:TAG][@DIGEST].")
  String reference;

  @Parameters(
      index = "1",
      paramLabel = "oci:DIR[:TAG]",
      description = "The OCI layout to write; the tag defaults to the source's.")
  String layout;

  @Option(names = "--all-platforms", description = "Pull every platform of a multi-platform index.")
  boolean allPlatforms;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pull from an index.")
  String platform;

  @Option(names = "--attachments", description = Cli.ATTACHMENTS_HELP)
  boolean attachments;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    if (!layout.startsWith("oci:")) {
      throw new ParameterException(
          spec.commandLine(),
          "pull writes an OCI layout: write the target as oci:DIR[:TAG], or use temper copy");
    }
    if (reference.startsWith("oci:")
        || reference.startsWith("docker-archive:")
        || reference.startsWith("dir:")) {
      throw new ParameterException(
          spec.commandLine(),
          "pull reads from a registry: " + reference + " is local; use temper copy");
    }
    return CopyCommand.run(
        spec, registryOptions, null, reference, layout, allPlatforms, platform, attachments);
  }
}
