package dev.temper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the external tools that the test fixtures drive, such as dpkg-deb and gpg. */
final class Commands {
  private static final long TIMEOUT_SECONDS = 120;

  private Commands() {}

  /**
   * Runs a command and returns its standard output.
   *
   * @throws IllegalStateException with the command and its standard error when it fails or runs
   *     longer than two minutes
   */
  static String run(Path workDir, Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    // Both streams go to files because gpg may start a gpg-agent that inherits open pipes and
    // would keep a pipe reader waiting after gpg exits.
    Path stdout = Files.createTempFile("command", ".out");
    Path stderr = Files.createTempFile("command", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "failed with exit code "
                + process.exitValue()
                + ": "
                + String.join(" ", command)
                + "\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
