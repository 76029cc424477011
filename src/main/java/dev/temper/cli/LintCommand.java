package dev.temper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.temper.audit.dockerfile.Dockerfile;
import dev.temper.audit.dockerfile.DockerfileLinter;
import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.dockerfile.LintFinding;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper lint Dockerfile}: checks a Dockerfile for what keeps it off a hardened base. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Checks a Dockerfile with hadolint's rule ids where they apply and temper's own.",
    footer = ExitCodes.HELP)
final class LintCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "The Dockerfile to check.")
  Path dockerfile;

  @Option(
      names = "--format",
      description = "Output format: ${COMPLETION-CANDIDATES}.",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--fail-on",
      description = "Exit 1 when a finding is at this level or above: ${COMPLETION-CANDIDATES}.",
      defaultValue = "ERROR")
  LintFinding.Level failOn;

  @Spec CommandSpec spec;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() throws IOException, TemperException {
    Dockerfile parsed = DockerfileParser.parse(dockerfile);
    List<LintFinding> findings = DockerfileLinter.lint(parsed);
    PrintWriter out = spec.commandLine().getOut();
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
      out.printf("%d findings%n", findings.size());
    }
    boolean failed = findings.stream().anyMatch(f -> f.level().compareTo(failOn) <= 0);
    return failed ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
  }
}
