package dev.temper.cli;

import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.migrate.Migration;
import dev.temper.audit.migrate.MigrationOptions;
import dev.temper.audit.migrate.Migrator;
import dev.temper.cache.DownloadListener;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.Digest;
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

/** {@code temper migrate Dockerfile --base REF}: rewrites a Dockerfile onto a hardened base. */
final class MigrateCommand implements Verb {
  private static final String DEFAULT_USER = "65532:65532";

  static final CommandSpec SPEC =
      CommandSpec.named("migrate")
          .describe(
              "Rewrites a Dockerfile so its final stage runs on a hardened base pinned by digest,"
                  + " as the nonroot user, with build steps in a builder stage. Prints the new"
                  + " Dockerfile, then what changed and what needs a person (as comments on"
                  + " standard error).")
          .parameter("DOCKERFILE", "The Dockerfile to migrate.")
          .required(
              "--base",
              "REF",
              "The hardened base image: HOST/REPO:TAG (resolved to its digest now),"
                  + " HOST/REPO[:TAG]@sha256:HEX (used as given), or oci:DIR[:TAG] with"
                  + " --base-name.")
          .option(
              "--base-name",
              "HOST/REPO[:TAG]",
              "The name to write in FROM when --base is an OCI layout, which a Dockerfile cannot"
                  + " name.")
          .options(RegistryOptions.OPTIONS)
          .option("--user", "USER", "The user of the final stage (default: " + DEFAULT_USER + ").")
          .option(
              OptionSpec.valued(
                      "--output",
                      "FILE",
                      "Write the new Dockerfile to this file instead of standard output.")
                  .alias("-o"))
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  // The options of one run, read from the command line when it starts.
  private String base;
  private String baseName;
  private RegistryOptions registryOptions;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    Path dockerfile = args.path("DOCKERFILE");
    base = args.string("--base");
    baseName = args.string("--base-name");
    registryOptions = new RegistryOptions(args);
    String user = args.string("--user", DEFAULT_USER);
    Path output = args.path("--output");
    MigrationOptions options;
    try {
      options = new MigrationOptions(pinnedBase(), user, "/usr/bin/java");
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "--base: " + e.getMessage() + "; resolve it with 'temper resolve'");
    }
    Migration migration = Migrator.migrate(DockerfileParser.parse(dockerfile), options);
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    if (output == null) {
      out.print(migration.dockerfile());
      out.flush();
    } else {
      Path temporary =
          TemporaryNames.createFile(output.toAbsolutePath().getParent(), ".migrate", ".tmp");
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
