package dev.temper.cli;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.sign.AttestationInputs;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.InTotoStatement;
import dev.temper.sign.SignTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper attest}: attaches a signed in-toto attestation the way cosign does. */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = {
      "Wraps a predicate (an SBOM, provenance or VEX document) in an in-toto statement about"
          + " IMAGE, signs it as a DSSE envelope and stores it tagged sha256-<hex>.att. With"
          + " --bundle the attestation is also attached to the image as a Sigstore bundle"
          + " referrer."
    },
    footer = ExitCodes.HELP)
final class AttestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = SignTargets.IMAGE_HELP)
  String image;

  @Option(names = "--key", required = true, description = "Private key file (cosign.key).")
  Path key;

  @Option(names = "--predicate", required = true, description = "The predicate JSON file.")
  Path predicate;

  @Option(
      names = "--type",
      defaultValue = "slsaprovenance",
      description =
          "Predicate type: spdx, cyclonedx, slsaprovenance, openvex or a URI"
              + " (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(
      names = "--reference",
      description =
          "Subject name in the statement (default: HOST/REPOSITORY, or the layout directory's"
              + " name).")
  String reference;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description =
          "Also write the attestation as a Sigstore bundle v0.3 to FILE and attach the bundle to"
              + " the image as an OCI referrer.")
  Path bundle;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    String predicateType = InTotoStatement.predicateTypeFor(type);
    if (reference != null && reference.isEmpty()) {
      throw new InvalidInputException("--reference must not be empty");
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
    spec.commandLine()
        .getOut()
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
