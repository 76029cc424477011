package dev.temper.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code temper} command; each verb is a subcommand. */
@Command(
    name = "temper",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Builds, proves and patches hardened container images.",
    footer = ExitCodes.HELP)
final class TemperCommand implements Runnable {
  /** The verbs, in the order {@code temper --help} lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
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
          PinCommand.class,
          ScanCommand.class,
          PatchCommand.class);

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

  /**
   * Returns the command line for {@code args}. When the first word of {@code args} names a verb,
   * only that verb is registered: picocli reads the annotations of every registered command, which
   * for all of them took about 0.1 s of each run. Help, a mistyped verb and no verb get all of
   * them.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine commandLine = new CommandLine(new TemperCommand());
    Optional<Class<?>> named = firstWord(args).flatMap(TemperCommand::verb);
    for (Class<?> type : named.map(List::<Class<?>>of).orElse(SUBCOMMANDS)) {
      commandLine.addSubcommand(type);
    }
    giveVersion(commandLine);
    return commandLine;
  }

  /** Lets {@code --version} after any verb print the version, as it does before one. */
  private static void giveVersion(CommandLine commandLine) {
    for (CommandLine verb : commandLine.getSubcommands().values()) {
      verb.getCommandSpec().versionProvider(new VersionProvider());
      giveVersion(verb);
    }
  }

  private static Optional<String> firstWord(String[] args) {
    // None of the options of the top-level command takes a value.
    return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
  }

  private static Optional<Class<?>> verb(String name) {
    return SUBCOMMANDS.stream()
        .filter(type -> type.getAnnotation(Command.class).name().equals(name))
        .findFirst();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
