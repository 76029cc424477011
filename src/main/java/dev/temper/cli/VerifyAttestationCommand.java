package dev.temper.cli;

import dev.temper.error.TemperException;
import dev.temper.sign.ImageVerification;
import dev.temper.sign.InTotoStatement;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.SignTarget;
import dev.temper.sign.SignatureVerifier;
import dev.temper.sign.SigstoreBundle;
import dev.temper.sign.VerificationKey;
import dev.temper.sign.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper verify-attestation}: checks the cosign attestations of an image. */
@Command(
    name = "verify-attestation",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies every in-toto attestation of IMAGE with a public key: the layers of its"
          + " sha256-<hex>.att manifest and the DSSE bundles attached as referrers. Prints each"
          + " verified statement. Exits with 1 when no attestation verifies."
    },
    footer = ExitCodes.HELP)
final class VerifyAttestationCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = SignTargets.IMAGE_HELP)
  String image;

  @Option(names = "--key", required = true, description = "Public key file (cosign.pub).")
  Path key;

  @Option(
      names = "--type",
      description =
          "Accept only this predicate type: spdx, cyclonedx, slsaprovenance, openvex or a URI.")
  String type;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description =
          "Verify this Sigstore bundle instead of the attestations stored with the image.")
  Path bundle;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    Optional<String> predicateType =
        type == null ? Optional.empty() : Optional.of(InTotoStatement.predicateTypeFor(type));
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
        report, "attestation", digest, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
