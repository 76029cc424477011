package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.TemperException;
import dev.temper.sign.AttestationInputs;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.SignTarget;
import java.io.IOException;
import java.nio.file.Path;

/** {@code temper attest}: attaches a signed in-toto attestation the way cosign does. */
final class AttestCommand implements Verb {
  private static final String DEFAULT_TYPE = "slsaprovenance";

  static final CommandSpec SPEC =
      CommandSpec.named("attest")
          .describe(
              "Wraps a predicate (an SBOM, provenance or VEX document) in an in-toto statement"
                  + " about IMAGE, signs it as a DSSE envelope and stores it tagged"
                  + " sha256-<hex>.att. With --bundle the attestation is also attached to the image"
                  + " as a Sigstore bundle referrer.")
          .parameter("IMAGE", SignTargets.IMAGE_HELP)
          .required("--key", "FILE", "Private key file (cosign.key).")
          .required("--predicate", "FILE", "The predicate JSON file.")
          .option(
              "--type",
              "TYPE",
              "Predicate type: spdx, cyclonedx, slsaprovenance, openvex or a URI (default: "
                  + DEFAULT_TYPE
                  + ").")
          .option(
              "--reference",
              "NAME",
              "Subject name in the statement (default: HOST/REPOSITORY, or the layout directory's"
                  + " name).")
          .option(
              "--bundle",
              "FILE",
              "Also write the attestation as a Sigstore bundle v0.3 to FILE and attach the bundle"
                  + " to the image as an OCI referrer.")
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
    Path predicate = args.path("--predicate");
    String type = args.string("--type", DEFAULT_TYPE);
    String reference = args.string("--reference");
    Path bundle = args.path("--bundle");
    RegistryOptions registryOptions = new RegistryOptions(args);
    String predicateType = Cli.predicateType(type);
    if (reference != null && reference.isEmpty()) {
      throw new UsageException("--reference must not be empty");
    }
    SignTarget target = SignTargets.open(image, registryOptions);
    ImageSigning.Signed signed =
        ImageSigning.attest(
            target,
            reference == null ? target.defaultReference() : reference,
            predicateType,
            AttestationInputs.readPredicate(predicate),
            CosignPassword.loadKey(key),
            bundle != null);
    if (bundle != null) {
      signed.attached().bundle().writeTo(bundle);
    }
    String referrer = signed.referrer().map(r -> " and referrer " + r.digest()).orElse("");
    invocation
        .out()
        .println(
            "Attested "
                + signed.digest()
                + " ("
                + predicateType
                + ") as "
                + signed.attached().tag()
                + referrer);
    return ExitCodes.OK;
  }
}
