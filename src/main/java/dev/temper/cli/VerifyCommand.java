package dev.temper.cli;

import dev.temper.error.TemperException;
import dev.temper.sign.CosignImages;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper verify}: checks the cosign signatures of an image against a public key. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies every cosign signature of IMAGE with a public key: the layers of its"
          + " sha256-<hex>.sig manifest and the Sigstore bundles attached as referrers. Prints"
          + " each verified payload, and the reason for each signature that did not verify."
          + " Exits with 1 when no signature verifies."
    },
    footer = ExitCodes.HELP)
final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = SignTargets.IMAGE_HELP)
  String image;

  @Option(names = "--key", required = true, description = "Public key file (cosign.pub).")
  Path key;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description = "Verify this Sigstore bundle instead of the signatures stored with the image.")
  Path bundle;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    SignTarget target = SignTargets.open(image, registryOptions);
    VerificationKey publicKey = KeyFiles.parsePublicKey(KeyFiles.readBounded(key), key.toString());
    String digest = target.digest();
    VerificationReport report;
    if (bundle == null) {
      report = ImageVerification.signatures(target.store(), digest, publicKey);
    } else {
      SigstoreBundle parsed = SigstoreBundle.read(bundle);
      Optional<byte[]> payload = CosignImages.bundlePayload(target.store(), parsed);
      report =
          SignatureVerifier.verifyBundle(
              bundle.toString(), parsed, payload, publicKey, digest, Optional.empty());
    }
    return VerificationOutput.render(
        report, "signature", digest, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
