package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.sign.VerificationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationOutputTest {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void registryControlCharactersAreEscaped() {
    // ESC [ 2 J clears the screen, and ESC ] 0 ; ... BEL sets the terminal title.
    VerificationReport report =
        new VerificationReport(
            List.of(),
            List.of(
                new VerificationReport.Failure(
                    "sha256-0123.sig layer 0",
                    VerificationReport.Reason.MALFORMED,
                    "layer media type application/vnd.dev.cosign.\u001b[2J\u001b]0;pwned\u0007"),
                new VerificationReport.Failure(
                    "sha256-0123.att layer 0",
                    VerificationReport.Reason.WRONG_KEY,
                    "keyid hint \u001b[2J\u001b]0;pwned\u0007")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        VerificationOutput.render(
            report, "signature", DIGEST, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).isEqualTo(ExitCodes.POLICY_FAILED);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("application/vnd.dev.cosign.\\u001b[2J\\u001b]0;pwned\\u0007 (reason: malformed)")
        .contains("keyid hint \\u001b[2J\\u001b]0;pwned\\u0007 (reason: wrong-key)")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007");
  }
}
