package dev.temper.cli;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.SignTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
          + " tagged sha256-<hex>.sig. With --bundle the signature is also attached to the image"
          + " as a Sigstore bundle referrer."
    },
    footer = ExitCodes.HELP)
final class SignCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = SignTargets.IMAGE_HELP)
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
      description =
          "Repository named in the payload (default: HOST/REPOSITORY, or the layout directory's"
              + " name).")
  String reference;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description =
          "Also write the signature as a Sigstore bundle v0.3 to FILE and attach the bundle to the"
              + " image as an OCI referrer.")
  Path bundle;

  @Option(
      names = "--recursive",
      description = "For an index, also sign every platform manifest it lists.")
  boolean recursive;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    if (annotations.containsKey("")) {
      throw new InvalidInputException("--annotation needs KEY=VALUE with a non-empty KEY");
    }
    SignTarget target = SignTargets.open(image, registryOptions);
    List<ImageSigning.Signed> signed =
        ImageSigning.sign(
            target,
            reference == null ? target.defaultReference() : reference,
            annotations,
            CosignPassword.loadKey(key),
            recursive,
            bundle != null);
    if (bundle != null) {
      signed.get(0).attached().bundle().writeTo(bundle);
    }
    for (ImageSigning.Signed one : signed) {
      String referrer = one.referrer().map(r -> " and referrer " + r.digest()).orElse("");
      spec.commandLine()
          .getOut()
          .println("Signed " + one.digest() + " as " + one.attached().tag() + referrer);
    }
    return ExitCodes.OK;
  }
}
