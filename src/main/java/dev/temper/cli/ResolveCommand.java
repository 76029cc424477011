package dev.temper.cli;

import dev.temper.cache.DownloadListener;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.registry.transfer.DigestResolver;
import java.io.IOException;

/** {@code temper resolve REF}: prints the digest that a tag names now. */
final class ResolveCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("resolve")
          .describe(
              "Prints the digest of the manifest or index that an image reference names, computed"
                  + " from its bytes.")
          .parameter("REF", "A registry reference such as HOST/REPO:TAG, or oci:DIR[:TAG].")
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
    RegistryOptions registryOptions = new RegistryOptions(args);
    Digest digest =
        DigestResolver.resolve(
            registryOptions.registries(DownloadListener.NONE),
            ImageReferences.parse(args.string("REF")));
    invocation.out().println(digest);
    return ExitCodes.OK;
  }
}
