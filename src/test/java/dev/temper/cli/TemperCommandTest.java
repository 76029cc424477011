package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TemperCommandTest {
  private static final List<String> VERBS =
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

  /** The exit code and both outputs of one command line. */
  private record Run(int exitCode, String out, String err) {}

  private static Run temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void namedVerbIsTheOnlyOneRegistered() {
    CommandLine line = TemperCommand.commandLine(new String[] {"--debug", "pull", "a", "oci:b"});

    assertThat(line.getSubcommands().keySet()).containsExactly("pull");
  }

  @Test
  void helpAndUnknownWordsRegisterEveryVerb() {
    assertThat(TemperCommand.commandLine(new String[] {"--help"}).getSubcommands().keySet())
        .containsExactlyElementsOf(VERBS);
    assertThat(TemperCommand.commandLine(new String[] {"pul"}).getSubcommands().keySet())
        .containsExactlyElementsOf(VERBS);
    assertThat(TemperCommand.commandLine(new String[0]).getSubcommands()).hasSize(VERBS.size());
  }

  @Test
  void topLevelHelpListsEveryVerb() {
    Run help = temper("--help");

    assertThat(help.exitCode()).isZero();
    for (String verb : VERBS) {
      assertThat(help.out()).containsPattern("(?m)^  " + verb + " ");
    }
  }

  @Test
  void verbHelpAndInheritedOptionsStillParse() {
    Run help = temper("--debug", "pull", "--help");
    Run version = temper("resolve", "--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: temper pull");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("temper ");
  }

  @Test
  void mistypedVerbIsAUsageError() {
    Run run = temper("pul", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'pul'").contains("temper --help");
  }
}
