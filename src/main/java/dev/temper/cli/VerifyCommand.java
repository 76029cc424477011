package dev.temper.cli;

import dev.temper.sign.ArtifactStore;
import dev.temper.sign.CosignImages;
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

/** {@code temper verify}: checks the cosign signatures of an image against a public key. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies the cosign signatures of IMAGE with a public key and prints each verified"
          + " payload. Exits with 1 when no signature verifies."
    },
    footer = ExitCodes.HELP)
final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image, as oci:DIR[:TAG].")
  String image;

  @Option(names = "--key", required = true, description = "Public key file (cosign.pub).")
  Path key;

  @Option(
      names = "--bundle",
      description = "Verify this Sigstore bundle instead of the signatures stored with the image.")
  Path bundle;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LayoutImage target = LayoutImage.parse(image);
    ArtifactStore store = ArtifactStore.ociLayout(target.directory());
    String digest = target.resolveDigest(store);
    VerificationKey publicKey = KeyFiles.parsePublicKey(KeyFiles.readBounded(key), key.toString());
    VerificationReport report;
    if (bundle == null) {
      report =
          SignatureVerifier.verifySignatures(
              CosignImages.signatures(store, digest), publicKey, digest);
    } else {
      SigstoreBundle parsed = SigstoreBundle.read(bundle);
      Optional<byte[]> payload = CosignImages.bundlePayload(store, parsed);
      report =
          SignatureVerifier.verifyBundle(
              bundle.toString(), parsed, payload, publicKey, digest, Optional.empty());
    }
    return VerificationOutput.render(
        report, "signature", digest, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
