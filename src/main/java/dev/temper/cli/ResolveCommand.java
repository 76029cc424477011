package dev.temper.cli;

import dev.temper.cache.DownloadListener;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Registries;
import dev.temper.registry.RegistryClient;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper resolve REF}: prints the digest that a tag names now. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description =
        "Prints the digest of the manifest or index that an image reference names, computed from its bytes.",
    footer = ExitCodes.HELP)
final class ResolveCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "REF",
      description = "A registry reference such as HOST/REPO:TAG, or oci:DIR[:TAG].")
  String reference;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    ImageReference parsed = ImageReferences.parse(reference);
    Digest digest;
    if (parsed instanceof RegistryReference registry) {
      Registries registries = registryOptions.registries(DownloadListener.NONE);
      RegistryClient client = registries.open(Cli.repository(registry));
      digest = client.resolve(registry.manifestReference());
    } else if (parsed instanceof OciLayoutReference oci) {
      OciLayout layout = OciLayout.open(oci.directory());
      digest =
          (oci.sourceIndex() >= 0 ? layout.entryAt(oci.sourceIndex()) : layout.resolve(oci.tag()))
              .digest();
    } else {
      throw new InvalidInputException(
          "cannot resolve " + reference + ": use a registry reference or oci:DIR[:TAG]");
    }
    spec.commandLine().getOut().println(digest);
    return ExitCodes.OK;
  }
}
