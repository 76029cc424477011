package dev.temper.cli;

import dev.temper.error.InvalidInputException;
import dev.temper.sign.ArtifactStore;
import dev.temper.sign.AttestationInputs;
import dev.temper.sign.CosignImages;
import dev.temper.sign.InTotoStatement;
import dev.temper.sign.LayoutImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
          + " IMAGE, signs it as a DSSE envelope and stores it tagged sha256-<hex>.att."
    },
    footer = ExitCodes.HELP)
final class AttestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image, as oci:DIR[:TAG].")
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
      description = "Subject name in the statement (default: the layout directory's name).")
  String reference;

  @Option(names = "--bundle", description = "Also write the attestation as a Sigstore bundle.")
  Path bundle;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LayoutImage target = LayoutImage.parse(image);
    ArtifactStore store = ArtifactStore.ociLayout(target.directory());
    String digest = target.resolveDigest(store);
    String predicateType = InTotoStatement.predicateTypeFor(type);
    InTotoStatement statement =
        new InTotoStatement(
            reference == null ? target.defaultReference() : reference,
            digest.substring("sha256:".length()),
            predicateType,
            AttestationInputs.readPredicate(predicate));
    if (statement.subjectName().isEmpty()) {
      throw new InvalidInputException("--reference must not be empty");
    }
    CosignImages.Attached attached =
        CosignImages.attest(store, digest, statement, CosignPassword.loadKey(key));
    if (bundle != null) {
      attached.bundle().writeTo(bundle);
    }
    spec.commandLine()
        .getOut()
        .println("Attested " + digest + " (" + predicateType + ") as " + attached.tag());
    return ExitCodes.OK;
  }
}
