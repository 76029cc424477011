package dev.temper.oci.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs skopeo, umoci and the other real clients that the OCI tests check their output with. */
public final class Tools {
  private static final long TIMEOUT_SECONDS = 120;

  private Tools() {}

  /**
   * Runs a command and returns its standard output.
   *
   * @throws IllegalStateException with the command and its standard error when it fails
   */
  public static String run(String... command) throws IOException, InterruptedException {
    Result result = runAllowingFailure(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          "failed with exit code "
              + result.exitCode()
              + ": "
              + String.join(" ", command)
              + "\n"
              + result.stderr());
    }
    return result.stdout();
  }

  /** The outcome of a command. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Runs a command and returns its exit code and output, whatever the exit code. */
  public static Result runAllowingFailure(String... command)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("tool", ".out");
    Path stderr = Files.createTempFile("tool", ".err");
    try {
      Process process =
          new ProcessBuilder(List.of(command))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
