package dev.temper.cli;

import dev.temper.sign.ArtifactStore;
import dev.temper.sign.CosignImages;
import dev.temper.sign.InTotoStatement;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.LayoutImage;
import dev.temper.sign.SignatureVerifier;
import dev.temper.sign.SigstoreBundle;
import dev.temper.sign.VerificationKey;
import dev.temper.sign.VerificationReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper verify-attestation}: checks the cosign attestations of an image. */
@Command(
    name = "verify-attestation",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies the in-toto attestations of IMAGE with a public key and prints each verified"
          + " statement. Exits with 1 when no attestation verifies."
    },
    footer = ExitCodes.HELP)
final class VerifyAttestationCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image, as oci:DIR[:TAG].")
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
      description =
          "Verify this Sigstore bundle instead of the attestations stored with the image.")
  Path bundle;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LayoutImage target = LayoutImage.parse(image);
    ArtifactStore store = ArtifactStore.ociLayout(target.directory());
    String digest = target.resolveDigest(store);
    VerificationKey publicKey = KeyFiles.parsePublicKey(KeyFiles.readBounded(key), key.toString());
    Optional<String> predicateType =
        type == null ? Optional.empty() : Optional.of(InTotoStatement.predicateTypeFor(type));
    VerificationReport report =
        bundle == null
            ? SignatureVerifier.verifyAttestations(
                CosignImages.attestations(store, digest), publicKey, digest, predicateType)
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
