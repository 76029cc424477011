package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import dev.temper.sign.ImageVerification;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.SignTarget;
import dev.temper.sign.SignatureVerifier;
import dev.temper.sign.SigstoreBundle;
import dev.temper.sign.VerificationKey;
import dev.temper.sign.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** {@code temper verify-attestation}: checks the cosign attestations of an image. */
final class VerifyAttestationCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("verify-attestation")
          .describe(
              "Verifies every in-toto attestation of IMAGE with a public key: the layers of its"
                  + " sha256-<hex>.att manifest and the DSSE bundles attached as referrers. Prints"
                  + " each verified statement. Exits with 1 when no attestation verifies.")
          .parameter("IMAGE", SignTargets.IMAGE_HELP)
          .required("--key", "FILE", "Public key file (cosign.pub).")
          .option(
              "--type",
              "TYPE",
              "Accept only this predicate type: spdx, cyclonedx, slsaprovenance, openvex or a"
                  + " URI.")
          .option(
              "--bundle",
              "FILE",
              "Verify this Sigstore bundle instead of the attestations stored with the image.")
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.help("verification failed"))
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
    String type = args.string("--type");
    Path bundle = args.path("--bundle");
    RegistryOptions registryOptions = new RegistryOptions(args);
    Optional<String> predicateType =
        type == null ? Optional.empty() : Optional.of(Cli.predicateType(type));
    SignTarget target = SignTargets.open(image, registryOptions);
    VerificationKey publicKey = KeyFiles.parsePublicKey(KeyFiles.readBounded(key), key.toString());
    String digest = target.digest();
    VerificationReport report =
        bundle == null
            ? ImageVerification.attestations(target.store(), digest, publicKey, predicateType)
            : SignatureVerifier.verifyBundle(
                bundle.toString(),
                SigstoreBundle.read(bundle),
                Optional.empty(),
                publicKey,
                digest,
                predicateType);
    return VerificationOutput.render(
        report, "attestation", digest, invocation.out(), invocation.err());
  }
}
