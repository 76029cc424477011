package dev.temper.audit.dockerfile;

import dev.temper.audit.SecretPatterns;
import dev.temper.audit.dockerfile.LintFinding.Level;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in {@code ENV} and {@code ARG}: by variable name (password, token, secret, key) and
 * by value pattern (cloud access keys, private key headers, tokens of well-known forms). Both end
 * up in the image config or history, where anyone who pulls the image can read them.
 */
final class Secrets {
  private static final Pattern PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*)|\\s+(.*))?");

  private Secrets() {}

  static void check(Instruction instruction, List<LintFinding> findings) {
    String text = instruction.arguments().strip();
    Matcher pair = PAIR.matcher(text);
    while (pair.find()) {
      String name = pair.group(1);
      String value = pair.group(2) != null ? pair.group(2) : pair.group(3);
      boolean namedSecret = SecretPatterns.isSecretName(name);
      boolean hasValue = value != null && !value.isEmpty() && !value.startsWith("$");
      boolean arg = instruction.keyword().equals("ARG");
      if (namedSecret && (hasValue || arg)) {
        findings.add(secretFinding(instruction, name));
        return;
      }
      if (value != null && SecretPatterns.containsSecretValue(value)) {
        findings.add(secretFinding(instruction, name));
        return;
      }
      if (pair.group(3) != null) {
        return;
      }
    }
  }

  private static LintFinding secretFinding(Instruction instruction, String name) {
    return new LintFinding(
        "TD007",
        Level.ERROR,
        instruction.line(),
        instruction.keyword()
            + " "
            + name
            + " looks like a secret, which stays readable in the image config and history: pass it with RUN --mount=type=secret instead");
  }
}
