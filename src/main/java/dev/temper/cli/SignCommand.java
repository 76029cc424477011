package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.TemperException;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.SignTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code temper sign}: signs an image digest and stores the signature the way cosign does. */
final class SignCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("sign")
          .describe(
              "Signs the manifest digest of IMAGE with a cosign key and stores the signature beside"
                  + " it, tagged sha256-<hex>.sig. With --bundle the signature is also attached to"
                  + " the image as a Sigstore bundle referrer.")
          .parameter("IMAGE", SignTargets.IMAGE_HELP)
          .required("--key", "FILE", "Private key file (cosign.key).")
          .option(
              OptionSpec.valued(
                      "--annotation",
                      "KEY=VALUE",
                      "Annotation stored in the signed payload; may be repeated.")
                  .alias("-a")
                  .repeatable())
          .option(
              "--reference",
              "NAME",
              "Repository named in the payload (default: HOST/REPOSITORY, or the layout"
                  + " directory's name).")
          .option(
              "--bundle",
              "FILE",
              "Also write the signature as a Sigstore bundle v0.3 to FILE and attach the bundle to"
                  + " the image as an OCI referrer.")
          .flag("--recursive", "For an index, also sign every platform manifest it lists.")
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
    String image = args.string("IMAGE");
    Path key = args.path("--key");
    Map<String, String> annotations = args.keyValues("--annotation");
    String reference = args.string("--reference");
    Path bundle = args.path("--bundle");
    boolean recursive = args.flag("--recursive");
    RegistryOptions registryOptions = new RegistryOptions(args);
    if (annotations.containsKey("")) {
      throw new UsageException("--annotation needs KEY=VALUE with a non-empty KEY");
    }
    SignTarget target = SignTargets.open(image, registryOptions);
    List<ImageSigning.Signed> signed =
        ImageSigning.sign(
            target,
            reference == null ? target.defaultReference() : reference,
            annotations,
            CosignPassword.loadKey(key),
            recursive,
            bundle != null);
    if (bundle != null) {
      signed.get(0).attached().bundle().writeTo(bundle);
    }
    for (ImageSigning.Signed one : signed) {
      String referrer = one.referrer().map(r -> " and referrer " + r.digest()).orElse("");
      invocation.out().println("Signed " + one.digest() + " as " + one.attached().tag() + referrer);
    }
    return ExitCodes.OK;
  }
}
