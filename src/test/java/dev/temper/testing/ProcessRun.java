package dev.temper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of a process that a test ran with standard input from {@code /dev/null}, so the
 * process never has a terminal.
 *
 * @param exitCode the process's exit status
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 */
public record ProcessRun(int exitCode, String stdout, String stderr) {
  private static final long TIMEOUT_SECONDS = 180;

  /**
   * Runs {@code command} in {@code workDir}, adding {@code environment} to this process's
   * environment and removing the variables named in {@code unset}.
   */
  public static ProcessRun run(
      Path workDir, Map<String, String> environment, List<String> unset, List<String> command)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("process", ".out");
    Path stderr = Files.createTempFile("process", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      unset.forEach(builder.environment()::remove);
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      return new ProcessRun(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** Returns this run, or throws with the output when the exit code is not 0. */
  public ProcessRun requireSuccess() {
    if (exitCode != 0) {
      throw new IllegalStateException(
          "exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
    }
    return this;
  }
}
