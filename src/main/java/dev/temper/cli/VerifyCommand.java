package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
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

/** {@code temper verify}: checks the cosign signatures of an image against a public key. */
final class VerifyCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("verify")
          .describe(
              "Verifies every cosign signature of IMAGE with a public key: the layers of its"
                  + " sha256-<hex>.sig manifest and the Sigstore bundles attached as referrers."
                  + " Prints each verified payload, and the reason for each signature that did not"
                  + " verify. Exits with 1 when no signature verifies.")
          .parameter("IMAGE", SignTargets.IMAGE_HELP)
          .required("--key", "FILE", "Public key file (cosign.pub).")
          .option(
              "--bundle",
              "FILE",
              "Verify this Sigstore bundle instead of the signatures stored with the image.")
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
    Path bundle = args.path("--bundle");
    RegistryOptions registryOptions = new RegistryOptions(args);
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
        report, "signature", digest, invocation.out(), invocation.err());
  }
}
