package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.Subcommands;
import java.util.List;
import java.util.Optional;

/**
 * The top-level {@code temper} command, whose subcommands are the verbs. A command line builds only
 * the verb it names, so a run loads no other verb's classes. Only the help of {@code temper} builds
 * all of them, because it lists their descriptions.
 */
final class TemperCommand implements Subcommands {
  /** The verbs, in the order {@code temper --help} lists them. */
  static final List<String> VERBS =
      List.of(
          "lock",
          "build",
          "keygen",
          "sign",
          "attest",
          "verify",
          "verify-attestation",
          "lint",
          "migrate",
          "audit",
          "diff",
          "report",
          "db",
          "sbom",
          "resolve",
          "inspect",
          "copy",
          "pull",
          "push",
          "pin",
          "scan",
          "patch");

  /** The declaration of {@code temper}. Logging reads its options before parsing. */
  static final CommandSpec SPEC =
      CommandSpec.named("temper")
          .describe("Builds, proves and patches hardened container images.")
          .option(
              OptionSpec.flag("--verbose", "Log progress and decisions at info level.")
                  .alias("-v")
                  .inherited())
          .option(
              OptionSpec.flag("--debug", "Log at debug level and print stack traces of failures.")
                  .inherited())
          .subcommands(new TemperCommand())
          .footer(ExitCodes.HELP)
          .build();

  private TemperCommand() {}

  /** Returns a new instance of the named verb, or null when there is no such verb. */
  static Verb create(String name) {
    return switch (name) {
      case "lock" -> new LockCommand();
      case "build" -> new BuildCommand();
      case "keygen" -> new KeygenCommand();
      case "sign" -> new SignCommand();
      case "attest" -> new AttestCommand();
      case "verify" -> new VerifyCommand();
      case "verify-attestation" -> new VerifyAttestationCommand();
      case "lint" -> new LintCommand();
      case "migrate" -> new MigrateCommand();
      case "audit" -> new AuditCommand();
      case "diff" -> new DiffCommand();
      case "report" -> new ReportCommand();
      case "db" -> new DbCommand();
      case "sbom" -> new SbomCommand();
      case "resolve" -> new ResolveCommand();
      case "inspect" -> new InspectCommand();
      case "copy" -> new CopyCommand();
      case "pull" -> new PullCommand();
      case "push" -> new PushCommand();
      case "pin" -> new PinCommand();
      case "scan" -> new ScanCommand();
      case "patch" -> new PatchCommand();
      default -> null;
    };
  }

  @Override
  public List<String> names() {
    return VERBS;
  }

  @Override
  public Optional<CommandSpec> find(String name) {
    Verb verb = create(name);
    return verb == null ? Optional.empty() : Optional.of(verb.spec());
  }
}
