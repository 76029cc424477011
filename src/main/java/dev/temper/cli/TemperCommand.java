package dev.temper.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code temper} command; each verb is a subcommand. */
@Command(
    name = "temper",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Builds, proves and patches hardened container images.",
    footer = ExitCodes.HELP,
    subcommands = {
      LockCommand.class,
      BuildCommand.class,
      KeygenCommand.class,
      SignCommand.class,
      AttestCommand.class,
      VerifyCommand.class,
      VerifyAttestationCommand.class,
      LintCommand.class,
      MigrateCommand.class,
      AuditCommand.class,
      DiffCommand.class,
      ReportCommand.class,
      DbCommand.class,
      SbomCommand.class,
      ResolveCommand.class,
      InspectCommand.class,
      CopyCommand.class,
      PullCommand.class,
      PushCommand.class,
      PinCommand.class
    })
final class TemperCommand implements Runnable {

  // Read by Logging before parsing; declared here so they appear in --help and parse cleanly.
  @Option(
      names = {"-v", "--verbose"},
      description = "Log progress and decisions at info level.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @Option(
      names = "--debug",
      description = "Log at debug level and print stack traces of failures.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
