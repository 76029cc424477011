package dev.temper.cli;

import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.migrate.Migration;
import dev.temper.audit.migrate.MigrationOptions;
import dev.temper.audit.migrate.Migrator;
import dev.temper.cache.DownloadListener;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.blob.AtomicFiles;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.transfer.DigestResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper migrate Dockerfile --base REF}: rewrites a Dockerfile onto a hardened base. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Rewrites a Dockerfile so its final stage runs on a hardened base pinned by digest, as the"
            + " nonroot user, with build steps in a builder stage. Prints the new Dockerfile, then"
            + " what changed and what needs a person (as comments on standard error).",
    footer = ExitCodes.HELP)
final class MigrateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "The Dockerfile to migrate.")
  Path dockerfile;

  @Option(
      names = "--base",
      required = true,
      description =
          "The hardened base image: HOST/REPO:TAG (resolved to its digest now),"
              + " HOST/REPO[:TAG]@sha256:HEX (used as given), or oci:DIR[:TAG] with --base-name.")
  String base;

  @Option(
      names = "--base-name",
      paramLabel = "HOST/REPO[:TAG]",
      description =
          "The name to write in FROM when --base is an OCI layout, which a Dockerfile cannot name.")
  String baseName;

  @Mixin RegistryOptions registryOptions;

  @Option(
      names = "--user",
      description = "The user of the final stage (default: ${DEFAULT-VALUE}).",
      defaultValue = "65532:65532")
  String user;

  @Option(
      names = {"-o", "--output"},
      description = "Write the new Dockerfile to this file instead of standard output.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    MigrationOptions options;
    try {
      options = new MigrationOptions(pinnedBase(), user, "/usr/bin/java");
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "--base: " + e.getMessage() + "; resolve it with 'temper resolve'");
    }
    Migration migration = Migrator.migrate(DockerfileParser.parse(dockerfile), options);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output == null) {
      out.print(migration.dockerfile());
      out.flush();
    } else {
      Path temporary =
          AtomicFiles.createTemporary(output.toAbsolutePath().getParent(), ".migrate", ".tmp");
      try {
        Files.writeString(temporary, migration.dockerfile(), StandardCharsets.UTF_8);
        Files.move(
            temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
      out.println("wrote " + output);
    }
    for (Migration.Note change : migration.changes()) {
      err.println("# changed" + where(change) + ": " + change.text());
    }
    for (Migration.Note open : migration.manual()) {
      err.println("# needs attention" + where(open) + ": " + open.text());
    }
    return ExitCodes.OK;
  }

  /** Returns the base as {@code name@digest}, resolving a tag to its digest when needed. */
  private String pinnedBase() throws IOException, TemperException {
    if (base.contains("@sha256:")) {
      return base;
    }
    ImageReference reference = ImageReferences.parse(base);
    String name;
    if (reference instanceof RegistryReference registry) {
      name = registry.name() + (registry.tag() == null ? "" : ":" + registry.tag());
    } else if (baseName != null) {
      name = baseName;
    } else {
      throw new InvalidInputException(
          "--base "
              + base
              + " is not a registry reference: give --base-name, the name to write in FROM");
    }
    Digest digest =
        DigestResolver.resolve(registryOptions.registries(DownloadListener.NONE), reference);
    return name + "@" + digest;
  }

  private String where(Migration.Note note) {
    return note.line() == 0 ? "" : " (line " + note.line() + ")";
  }
}
