package dev.temper.cli;

import dev.temper.cache.DownloadListener;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.registry.transfer.DigestResolver;
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
    Digest digest =
        DigestResolver.resolve(
            registryOptions.registries(DownloadListener.NONE), ImageReferences.parse(reference));
    spec.commandLine().getOut().println(digest);
    return ExitCodes.OK;
  }
}
