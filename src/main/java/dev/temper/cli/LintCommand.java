package dev.temper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.temper.audit.dockerfile.Dockerfile;
import dev.temper.audit.dockerfile.DockerfileLinter;
import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.dockerfile.LintFinding;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code temper lint Dockerfile}: checks a Dockerfile for what keeps it off a hardened base. */
final class LintCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("lint")
          .describe(
              "Checks a Dockerfile with hadolint's rule ids where they apply and temper's own.")
          .parameter("DOCKERFILE", "The Dockerfile to check.")
          .option("--format", "FORMAT", "Output format: table, json.")
          .option(
              "--fail-on",
              "LEVEL",
              "Exit 1 when a finding is at this level or above: error, warning, info or style"
                  + " (any case).")
          .footer(ExitCodes.help("a finding at or above --fail-on"))
          .build();

  enum Format {
    table,
    json
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    Path dockerfile = args.path("DOCKERFILE");
    Format format = args.choice("--format", Format.values(), Format.table);
    LintFinding.Level failOn =
        args.choice("--fail-on", LintFinding.Level.values(), LintFinding.Level.ERROR);
    Dockerfile parsed = DockerfileParser.parse(dockerfile);
    List<LintFinding> findings = DockerfileLinter.lint(parsed);
    PrintWriter out = invocation.out();
    if (format == Format.json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(findings));
    } else {
      for (LintFinding finding : findings) {
        out.printf(
            "%s:%d %s %s: %s%n",
            dockerfile,
            finding.line(),
            finding.rule(),
            finding.level().name().toLowerCase(),
            finding.message());
      }
      out.printf("%d %s%n", findings.size(), findings.size() == 1 ? "finding" : "findings");
    }
    boolean failed = findings.stream().anyMatch(f -> f.level().compareTo(failOn) <= 0);
    return failed ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
  }
}
