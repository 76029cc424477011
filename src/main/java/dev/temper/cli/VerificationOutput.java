package dev.temper.cli;

import dev.temper.sign.VerificationReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Renders a verification report: verified payloads on stdout, the rest on stderr. */
final class VerificationOutput {
  private VerificationOutput() {}

  /** Prints the report and returns 0 when a claim verified, else 1. */
  static int render(
      VerificationReport report, String what, String digest, PrintWriter out, PrintWriter err) {
    for (VerificationReport.Failure failure : report.failures()) {
      err.println("temper: " + failure.message());
    }
    for (VerificationReport.Claim claim : report.verified()) {
      out.println(new String(claim.payload(), StandardCharsets.UTF_8));
    }
    int total = report.verified().size() + report.failures().size();
    if (!report.anyVerified()) {
      err.println("temper: no valid " + what + " found for " + digest + " (" + total + " checked)");
      return ExitCodes.POLICY_FAILED;
    }
    err.println(
        "Verified " + report.verified().size() + " of " + total + " " + what + " for " + digest);
    return ExitCodes.OK;
  }
}
