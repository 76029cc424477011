package dev.temper.cli;

import dev.temper.error.ControlCharacters;
import dev.temper.sign.VerificationReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders a verification report: verified payloads on stdout, the rest on stderr. The stderr lines
 * quote names, media types and key hints from the signatures' store, so their control characters
 * are escaped.
 */
final class VerificationOutput {
  private VerificationOutput() {}

  /**
   * Prints the report and returns 0 when a claim verified, else 1. Each rejected candidate gets one
   * line that ends with its reason, such as {@code (reason: wrong-key)}.
   */
  static int render(
      VerificationReport report, String what, String digest, PrintWriter out, PrintWriter err) {
    for (VerificationReport.Failure failure : report.failures()) {
      printEscaped(
          err, "temper: " + failure.message() + " (reason: " + label(failure.reason()) + ")");
    }
    for (VerificationReport.Claim claim : report.verified()) {
      out.println(new String(claim.payload(), StandardCharsets.UTF_8));
    }
    int total = report.verified().size() + report.failures().size();
    if (total == 0) {
      printEscaped(
          err,
          "temper: no " + what + " found for " + digest + ", neither by tag nor as a referrer");
      return ExitCodes.POLICY_FAILED;
    }
    if (!report.anyVerified()) {
      printEscaped(
          err, "temper: no valid " + what + " found for " + digest + " (" + total + " checked)");
      return ExitCodes.POLICY_FAILED;
    }
    String noun = total == 1 ? what : what + "s";
    printEscaped(
        err,
        "Verified " + report.verified().size() + " of " + total + " " + noun + " for " + digest);
    return ExitCodes.OK;
  }

  private static void printEscaped(PrintWriter err, String line) {
    err.println(ControlCharacters.escape(line));
  }

  /** Returns the reason as a lower-case word, such as {@code wrong-key}. */
  static String label(VerificationReport.Reason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
