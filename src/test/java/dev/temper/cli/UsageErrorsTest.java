package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Checks that malformed option and parameter values exit with the usage code, one {@code temper:}
 * line and the help hint of the command, whichever command reads them, and that words after {@code
 * --} stay parameters. No test here reaches a registry: every command line fails before any
 * request.
 */
class UsageErrorsTest {
  /** The exit code and both outputs of one command line. */
  private record Run(int exitCode, String out, String err) {}

  private static Run temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertUsageError(Run run, String message, String command) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("temper: " + message + "\nRun '" + command + " --help' for usage.\n");
  }

  @Test
  void emptyPathOption() {
    assertUsageError(
        temper("db", "status", "--db="),
        "invalid value for option '--db': the path is empty",
        "temper db status");
    assertUsageError(
        temper("pull", "--authfile=", "127.0.0.1:1/a:b", "oci:/nowhere"),
        "invalid value for option '--authfile': the path is empty",
        "temper pull");
  }

  @Test
  void invalidPlatformOnEveryCommand() {
    String message = "invalid platform 'linux': expected os/architecture[/variant]";

    assertUsageError(
        temper("pull", "--platform", "linux", "127.0.0.1:1/a:b", "oci:/nowhere"),
        message,
        "temper pull");
    assertUsageError(
        temper("inspect", "--platform=linux", "oci:/nowhere"), message, "temper inspect");
    assertUsageError(temper("audit", "--platform=linux", "oci:/nowhere"), message, "temper audit");
    assertUsageError(temper("scan", "--platform=linux", "oci:/nowhere"), message, "temper scan");
  }

  @Test
  void maxDownloadSizeOutOfRange() {
    assertUsageError(
        temper("db", "import", "--max-download-size", "-1", "--db", "/nowhere/a.db", "x.json"),
        "invalid value for option '--max-download-size': -1 is not between 0 and 2147483631",
        "temper db import");
    assertUsageError(
        temper("db", "import", "--max-download-size=4294967296", "--db", "/nowhere/a.db", "x"),
        "invalid value for option '--max-download-size': 4294967296 is not between 0 and"
            + " 2147483631",
        "temper db import");
  }

  @Test
  void debugAfterDoubleDashIsAParameter() {
    Run run = temper("resolve", "--", "--debug");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).startsWith("temper: invalid image reference '--debug'");
    assertThat(run.err()).doesNotContain("InvalidInputException").doesNotContain("\tat ");
  }

  @Test
  void emptyPathParameter() {
    assertUsageError(
        temper("lint", ""),
        "invalid value for parameter DOCKERFILE: the path is empty",
        "temper lint");
  }

  @Test
  void invalidValuesThatCommandsCheck() {
    assertUsageError(
        temper("build", "--compression=xz", "/nowhere/spec.yaml"),
        "invalid value for option '--compression': 'xz' is not one of gzip, zstd",
        "temper build");
    assertUsageError(
        temper("build", "--source-date-epoch", "-1", "/nowhere/spec.yaml"),
        "invalid value for option '--source-date-epoch': -1 is negative",
        "temper build");
    assertUsageError(
        temper("sign", "-a", "=x", "--key", "/nowhere/cosign.key", "oci:/nowhere"),
        "--annotation needs KEY=VALUE with a non-empty KEY",
        "temper sign");
    assertUsageError(
        temper("verify-attestation", "--type=", "--key", "/nowhere/cosign.pub", "oci:/nowhere"),
        "invalid value for option '--type': unknown predicate type '': use spdx, cyclonedx,"
            + " slsaprovenance, openvex or a URI",
        "temper verify-attestation");
    assertUsageError(
        temper(
            "attest",
            "--type",
            "sbom",
            "--key",
            "/nowhere/cosign.key",
            "--predicate",
            "/nowhere/p.json",
            "oci:/nowhere"),
        "invalid value for option '--type': unknown predicate type 'sbom': use spdx, cyclonedx,"
            + " slsaprovenance, openvex or a URI",
        "temper attest");
  }
}
