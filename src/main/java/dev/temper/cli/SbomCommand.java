package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.Platform;
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

/** {@code temper sbom IMAGE}: inventories an image and writes its SBOM. */
final class SbomCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("sbom")
          .describe(
              "Inventories any image (Debian packages, Java archives, JDK runtimes, OS release) and"
                  + " writes an SBOM.")
          .parameter(
              "IMAGE", "oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a registry reference.")
          .option("--format", "FORMAT", "cyclonedx-json (default), spdx-json or table.")
          .option(
              OptionSpec.valued("--output", "FILE", "Write to FILE instead of standard output.")
                  .alias("-o"))
          .option(
              "--platform",
              "OS/ARCH[/VARIANT]",
              "The platform to pick from a multi-platform image.")
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  /** The file to write, or null for standard output. */
  private Path output;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, dev.temper.error.TemperException {
    ParsedArgs args = invocation.args();
    String image = args.string("IMAGE");
    String format = args.string("--format", SbomFormat.CYCLONEDX_JSON.optionName());
    output = args.path("--output");
    String platform = args.string("--platform");
    RegistryOptions registryOptions = new RegistryOptions(args);
    SbomFormat sbomFormat;
    Platform wanted;
    try {
      sbomFormat = SbomFormat.fromOptionName(format);
      wanted = platform == null ? null : Platform.parse(platform);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Inventory inventory;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      inventory = ImageInventory.of(source);
    }
    PrintWriter err = invocation.err();
    inventory.warnings().forEach(w -> err.println("temper: warning: " + w));
    err.flush();
    if (output == null) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      SbomWriters.write(inventory, sbomFormat, out);
      PrintWriter stdout = invocation.out();
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
    Path temp = TemporaryNames.createFile(target.getParent(), ".temper-sbom-", ".tmp");
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
