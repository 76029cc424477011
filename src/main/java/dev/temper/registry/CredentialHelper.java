package dev.temper.registry;

import dev.temper.error.InvalidInputException;
import dev.temper.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a docker credential helper, {@code docker-credential-NAME get}, which reads the server URL
 * on standard input and writes {@code {"ServerURL","Username","Secret"}} as JSON on standard
 * output. The helper is looked up on the {@code PATH} of the given environment.
 */
final class CredentialHelper {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final long TIMEOUT_SECONDS = 30;
  private static final int MAX_OUTPUT_BYTES = 64 * 1024;

  private final Map<String, String> environment;

  CredentialHelper(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Returns the helper's credentials for {@code registry}, or empty when it has none.
   *
   * @throws InvalidInputException when the helper is missing, fails or writes invalid output
   */
  Optional<Credentials> get(String name, String registry)
      throws InvalidInputException, IOException {
    String program = "docker-credential-" + name;
    if (!NAME.matcher(name).matches()) {
      throw new InvalidInputException("invalid credential helper name '" + name + "'");
    }
    Path executable = find(program);
    Process process =
        new ProcessBuilder(executable.toString(), "get")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(registry.getBytes(StandardCharsets.UTF_8));
    }
    byte[] output;
    try (InputStream stdout = process.getInputStream()) {
      output = stdout.readNBytes(MAX_OUTPUT_BYTES + 1);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new InvalidInputException(
            program + " get did not finish in " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + program);
    }
    if (process.exitValue() != 0) {
      return notFoundOrFail(program, output, process.exitValue());
    }
    if (output.length > MAX_OUTPUT_BYTES) {
      throw new InvalidInputException(
          program + " get wrote more than " + MAX_OUTPUT_BYTES + " bytes");
    }
    return Optional.of(parse(program, output));
  }

  private Path find(String program) throws InvalidInputException {
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(":")) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new InvalidInputException(
        "credential helper "
            + program
            + " not found on PATH; install it or remove it from the auth file");
  }

  private static Optional<Credentials> notFoundOrFail(String program, byte[] output, int exitCode)
      throws InvalidInputException {
    // Helpers report a missing entry as "credentials not found in native keychain" on stdout.
    if (new String(output, StandardCharsets.UTF_8).contains("credentials not found")) {
      return Optional.empty();
    }
    // Only the exit code is reported: the helper's output may contain a secret.
    throw new InvalidInputException(program + " get failed with exit code " + exitCode);
  }

  private static Credentials parse(String program, byte[] output) throws InvalidInputException {
    JsonValue root;
    try {
      root = JsonValue.parse(output);
    } catch (IOException e) {
      throw new InvalidInputException(program + " get wrote invalid JSON");
    }
    if (!root.path("Secret").isString()) {
      throw new InvalidInputException(program + " get wrote no Secret field");
    }
    String username = root.path("Username").asText("");
    String secret = root.path("Secret").asText("");
    // Docker stores identity tokens under this fixed user name.
    if (username.equals("<token>")) {
      return Credentials.identity(secret);
    }
    return Credentials.basic(username, secret);
  }
}
