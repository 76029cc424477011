package dev.temper.cli;

import dev.temper.error.InvalidInputException;
import dev.temper.sign.ArtifactStore;
import dev.temper.sign.CosignImages;
import dev.temper.sign.LayoutImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper sign}: signs an image digest and stores the signature the way cosign does. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Signs the manifest digest of IMAGE with a cosign key and stores the signature beside it,"
          + " tagged sha256-<hex>.sig."
    },
    footer = ExitCodes.HELP)
final class SignCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image, as oci:DIR[:TAG].")
  String image;

  @Option(names = "--key", required = true, description = "Private key file (cosign.key).")
  Path key;

  @Option(
      names = {"-a", "--annotation"},
      paramLabel = "KEY=VALUE",
      description = "Annotation stored in the signed payload; may be repeated.")
  Map<String, String> annotations = new LinkedHashMap<>();

  @Option(
      names = "--reference",
      description = "Repository named in the payload (default: the layout directory's name).")
  String reference;

  @Option(names = "--bundle", description = "Also write the signature as a Sigstore bundle.")
  Path bundle;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LayoutImage target = LayoutImage.parse(image);
    ArtifactStore store = ArtifactStore.ociLayout(target.directory());
    String digest = target.resolveDigest(store);
    if (annotations.containsKey("")) {
      throw new InvalidInputException("--annotation needs KEY=VALUE with a non-empty KEY");
    }
    CosignImages.Attached attached =
        CosignImages.sign(
            store,
            digest,
            reference == null ? target.defaultReference() : reference,
            annotations,
            CosignPassword.loadKey(key));
    if (bundle != null) {
      attached.bundle().writeTo(bundle);
    }
    spec.commandLine().getOut().println("Signed " + digest + " as " + attached.tag());
    return ExitCodes.OK;
  }
}
