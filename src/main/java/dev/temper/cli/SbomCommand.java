package dev.temper.cli;

import dev.temper.oci.Platform;
import dev.temper.oci.blob.AtomicFiles;
import dev.temper.oci.image.ImageSource;
import dev.temper.sbom.ImageInventory;
import dev.temper.sbom.Inventory;
import dev.temper.sbom.SbomFormat;
import dev.temper.sbom.SbomWriters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper sbom IMAGE}: inventories an image and writes its SBOM. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    description =
        "Inventories any image (Debian packages, Java archives, JDK runtimes, OS release) and"
            + " writes an SBOM.",
    footer = ExitCodes.HELP)
final class SbomCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "IMAGE",
      description = "oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a registry reference.")
  String image;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "cyclonedx-json (default), spdx-json or table.")
  String format = SbomFormat.CYCLONEDX_JSON.optionName();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from a multi-platform image.")
  String platform;

  @picocli.CommandLine.Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, dev.temper.error.TemperException {
    SbomFormat sbomFormat;
    Platform wanted;
    try {
      sbomFormat = SbomFormat.fromOptionName(format);
      wanted = platform == null ? null : Platform.parse(platform);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Inventory inventory;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      inventory = ImageInventory.of(source);
    }
    PrintWriter err = spec.commandLine().getErr();
    inventory.warnings().forEach(w -> err.println("temper: warning: " + w));
    err.flush();
    if (output == null) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      SbomWriters.write(inventory, sbomFormat, out);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(out.toString(java.nio.charset.StandardCharsets.UTF_8));
      stdout.flush();
    } else {
      writeFile(inventory, sbomFormat);
    }
    return ExitCodes.OK;
  }

  /** Writes to a temporary file beside the output and renames it, so no half file is left. */
  private void writeFile(Inventory inventory, SbomFormat sbomFormat) throws IOException {
    Path target = output.toAbsolutePath();
    Path temp = AtomicFiles.createTemporary(target.getParent(), ".temper-sbom-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        SbomWriters.write(inventory, sbomFormat, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
