package dev.temper.cli;

import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.migrate.Migration;
import dev.temper.audit.migrate.MigrationOptions;
import dev.temper.audit.migrate.Migrator;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper migrate Dockerfile --base REF}: rewrites a Dockerfile onto a hardened base. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrites a Dockerfile so its final stage runs on a hardened base pinned by digest, as the",
      "nonroot user, with build steps in a builder stage. Prints the new Dockerfile, then what",
      "changed and what needs a person (as comments on standard error)."
    },
    footer = ExitCodes.HELP)
final class MigrateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "The Dockerfile to migrate.")
  Path dockerfile;

  @Option(
      names = "--base",
      required = true,
      description = "The hardened base image, pinned by digest: NAME[:TAG]@sha256:HEX.")
  String base;

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
      options = new MigrationOptions(base, user, "/usr/bin/java");
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
          Files.createTempFile(output.toAbsolutePath().getParent(), ".migrate", ".tmp");
      Files.writeString(temporary, migration.dockerfile(), StandardCharsets.UTF_8);
      Files.move(
          temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

  private String where(Migration.Note note) {
    return note.line() == 0 ? "" : " (line " + note.line() + ")";
  }
}
