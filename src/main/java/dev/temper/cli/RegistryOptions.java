package dev.temper.cli;

import dev.temper.cache.DownloadListener;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.InvalidInputException;
import dev.temper.registry.CredentialSource;
import dev.temper.registry.CredentialStore;
import dev.temper.registry.Credentials;
import dev.temper.registry.Registries;
import dev.temper.registry.RegistrySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The options of every command that talks to registries: credentials, trust and plain HTTP. */
final class RegistryOptions {
  static final long DEFAULT_TIMEOUT_SECONDS = RegistrySettings.defaults().idleTimeout().toSeconds();
  static final long MAX_TIMEOUT_SECONDS = 24 * 60 * 60;

  /** The declarations, which each command that talks to registries adds to its own. */
  static final List<OptionSpec> OPTIONS =
      List.of(
          OptionSpec.valued(
              "--username",
              "USER",
              "The registry user name; the password is read with --password-stdin."),
          OptionSpec.flag("--password-stdin", "Read the registry password from standard input."),
          OptionSpec.valued(
              "--authfile",
              "FILE",
              "The credentials file (docker config.json format). Default: $REGISTRY_AUTH_FILE,"
                  + " else $DOCKER_CONFIG/config.json, else ~/.docker/config.json."),
          OptionSpec.valued(
              "--ca-file",
              "FILE",
              "A PEM file of CA certificates to trust in addition to the system trust store."),
          OptionSpec.flag(
              "--insecure",
              "Allow plain HTTP to registries that are not on loopback. Certificates are still"
                  + " verified."),
          OptionSpec.valued(
              "--timeout",
              "SECONDS",
              "How long a registry request waits for the response, and for each 1 KiB of a body"
                  + " (default: "
                  + DEFAULT_TIMEOUT_SECONDS
                  + ")."));

  private final String username;
  private final boolean passwordStdin;
  private final Path authFile;
  private final Path caFile;
  private final boolean insecure;
  private final long timeoutSeconds;

  /**
   * Reads the options from a command line.
   *
   * @throws UsageException when a path is invalid
   */
  RegistryOptions(ParsedArgs args) {
    username = args.string("--username");
    passwordStdin = args.flag("--password-stdin");
    authFile = args.path("--authfile");
    caFile = args.path("--ca-file");
    insecure = args.flag("--insecure");
    timeoutSeconds = args.longValue("--timeout", DEFAULT_TIMEOUT_SECONDS);
    if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new UsageException(
          "invalid value for option '--timeout': "
              + timeoutSeconds
              + " is not between 1 and "
              + MAX_TIMEOUT_SECONDS
              + " seconds");
    }
  }

  /**
   * Creates the registry clients these options describe.
   *
   * @throws InvalidInputException when the options conflict or the password is empty
   */
  Registries registries(DownloadListener listener) throws InvalidInputException, IOException {
    return registries(listener, null);
  }

  /**
   * Creates the registry clients these options describe, with the upload options of a command that
   * pushes.
   *
   * @param upload the upload options, or null for a command that only reads
   * @throws InvalidInputException when the options conflict or the password is empty
   */
  Registries registries(DownloadListener listener, UploadOptions upload)
      throws InvalidInputException, IOException {
    return new Registries(settings(upload), credentials(), listener);
  }

  /** Returns the settings these options give, with {@code upload}'s when it is not null. */
  RegistrySettings settings(UploadOptions upload) {
    RegistrySettings settings =
        RegistrySettings.defaults()
            .withInsecure(insecure)
            .withIdleTimeout(Duration.ofSeconds(timeoutSeconds));
    if (caFile != null) {
      settings = settings.withCaFile(caFile);
    }
    if (upload != null) {
      settings = upload.applyTo(settings);
    }
    return settings;
  }

  private CredentialSource credentials() throws InvalidInputException, IOException {
    if (passwordStdin && username == null) {
      throw new UsageException("--password-stdin needs --username");
    }
    if (username != null) {
      if (!passwordStdin) {
        throw new UsageException(
            "--username needs --password-stdin; the password is never taken as an argument");
      }
      String password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (password.isEmpty()) {
        throw new InvalidInputException("--password-stdin read an empty password");
      }
      return CredentialSource.fixed(Credentials.basic(username, password));
    }
    if (authFile != null) {
      return CredentialStore.fromFile(authFile, System.getenv());
    }
    return CredentialStore.fromEnvironment(
        System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
