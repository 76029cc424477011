package dev.temper.cli;

/** The process exit codes, shared by every command. */
final class ExitCodes {
  static final int OK = 0;
  static final int POLICY_FAILED = 1;
  static final int USAGE = 2;
  static final int INVALID_INPUT = 3;
  static final int NETWORK = 4;

  /** The exit code section of the top-level {@code --help}, which names every code. */
  static final String HELP =
      "%nExit codes:%n"
          + "  0  success%n"
          + "  1  a policy failed (scan findings, failed verification or audit check)%n"
          + "  2  usage error%n"
          + "  3  input invalid or not found%n"
          + "  4  network or registry failure%n";

  /** The exit code section of a verb without a policy check, which leaves out exit code 1. */
  static final String HELP_WITHOUT_POLICY = help(null);

  /**
   * Returns the exit code section of a verb's {@code --help}.
   *
   * @param policyFailure what exit code 1 means for this verb, or null when the verb never returns
   *     it
   */
  static String help(String policyFailure) {
    return "%nExit codes:%n"
        + "  0  success%n"
        + (policyFailure == null ? "" : "  1  " + policyFailure + "%n")
        + "  2  usage error%n"
        + "  3  input invalid or not found%n"
        + "  4  network or registry failure%n";
  }

  private ExitCodes() {}
}
