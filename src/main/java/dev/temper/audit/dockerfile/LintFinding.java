package dev.temper.audit.dockerfile;

/**
 * One problem a lint rule found in a Dockerfile.
 *
 * @param rule the rule id: hadolint's ({@code DL3006}) where one applies, else temper's ({@code
 *     TD001})
 * @param level how serious it is
 * @param line the 1-based line of the instruction
 * @param message what is wrong and how to fix it
 */
public record LintFinding(String rule, Level level, int line, String message) {

  /** The levels hadolint uses, most serious first. */
  public enum Level {
    ERROR,
    WARNING,
    INFO,
    STYLE
  }
}
