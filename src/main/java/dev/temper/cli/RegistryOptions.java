package dev.temper.cli;

import dev.temper.cache.DownloadListener;
import dev.temper.error.InvalidInputException;
import dev.temper.registry.CredentialSource;
import dev.temper.registry.CredentialStore;
import dev.temper.registry.Credentials;
import dev.temper.registry.Registries;
import dev.temper.registry.RegistrySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every command that talks to registries: credentials, trust and plain HTTP. */
final class RegistryOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--username",
      paramLabel = "USER",
      description = "The registry user name; the password is read with --password-stdin.")
  String username;

  @Option(
      names = "--password-stdin",
      description = "Read the registry password from standard input.")
  boolean passwordStdin;

  @Option(
      names = "--authfile",
      paramLabel = "FILE",
      description =
          "The credentials file (docker config.json format). Default: $REGISTRY_AUTH_FILE, else $DOCKER_CONFIG/config.json, else ~/.docker/config.json.")
  Path authFile;

  @Option(
      names = "--ca-file",
      paramLabel = "FILE",
      description = "A PEM file of CA certificates to trust in addition to the system trust store.")
  Path caFile;

  @Option(
      names = "--insecure",
      description =
          "Allow plain HTTP to registries that are not on loopback. Certificates are still verified.")
  boolean insecure;

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
    RegistrySettings settings = RegistrySettings.defaults().withInsecure(insecure);
    if (caFile != null) {
      settings = settings.withCaFile(caFile);
    }
    if (upload != null) {
      settings = upload.applyTo(settings);
    }
    return new Registries(settings, credentials(), listener);
  }

  private CredentialSource credentials() throws InvalidInputException, IOException {
    if (passwordStdin && username == null) {
      throw new ParameterException(mixee.commandLine(), "--password-stdin needs --username");
    }
    if (username != null) {
      if (!passwordStdin) {
        throw new ParameterException(
            mixee.commandLine(),
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
