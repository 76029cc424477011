package dev.temper.registry;

import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import dev.temper.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials for a registry in the files that docker, podman and skopeo write: the file
 * named by {@code REGISTRY_AUTH_FILE}, else {@code $DOCKER_CONFIG/config.json}, else {@code
 * ~/.docker/config.json}. Within the file, {@code credHelpers} for the host comes first, then the
 * host's {@code auths} entry (a base64 {@code user:password} in {@code auth}, or an {@code
 * identitytoken}), then the default helper {@code credsStore}.
 */
public final class CredentialStore implements CredentialSource {
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final Path file;
  private final CredentialHelper helpers;

  CredentialStore(Path file, CredentialHelper helpers) {
    this.file = file;
    this.helpers = helpers;
  }

  /** Opens the store that this environment selects, running helpers found on its {@code PATH}. */
  public static CredentialStore fromEnvironment(Map<String, String> environment, Path userHome) {
    return new CredentialStore(authFile(environment, userHome), new CredentialHelper(environment));
  }

  /** Opens the store in {@code file}, as {@code --authfile} selects. */
  public static CredentialStore fromFile(Path file, Map<String, String> environment) {
    return new CredentialStore(file, new CredentialHelper(environment));
  }

  /** Returns the file this store reads. */
  public Path file() {
    return file;
  }

  static Path authFile(Map<String, String> environment, Path userHome) {
    String explicit = environment.get("REGISTRY_AUTH_FILE");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String dockerConfig = environment.get("DOCKER_CONFIG");
    if (dockerConfig != null && !dockerConfig.isEmpty()) {
      return Path.of(dockerConfig, "config.json");
    }
    return userHome.resolve(".docker").resolve("config.json");
  }

  /**
   * Returns the credentials stored for {@code registry}, or empty for anonymous access. A missing
   * file means anonymous access.
   *
   * @throws InvalidInputException when the file is malformed or a credential helper fails
   */
  @Override
  public Optional<Credentials> find(String registry) throws InvalidInputException, IOException {
    JsonValue root = read();
    if (root == null) {
      return Optional.empty();
    }
    String helper = helperFor(root.path("credHelpers"), registry);
    if (helper != null) {
      return helpers.get(helper, registry);
    }
    JsonValue entry = entryFor(root.path("auths"), registry);
    if (entry != null) {
      Optional<Credentials> stored = decode(entry, registry);
      if (stored.isPresent()) {
        return stored;
      }
    }
    String store = root.path("credsStore").asText("");
    return store.isEmpty() ? Optional.empty() : helpers.get(store, registry);
  }

  private JsonValue read() throws InvalidInputException, IOException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidInputException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
      }
      JsonValue root = JsonValue.parse(Files.readAllBytes(file));
      if (!root.isObject()) {
        throw new InvalidInputException(file + ": expected a JSON object");
      }
      return root;
    } catch (NoSuchFileException e) {
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // A password written without quotes is an unrecognized token, so the message leaves it out.
      throw ParseErrors.invalidSecret(file, "auth file", e);
    }
  }

  private static String helperFor(JsonValue credHelpers, String registry) {
    JsonValue entry = entryFor(credHelpers, registry);
    return entry == null || entry.asText("").isEmpty() ? null : entry.asText("");
  }

  /** Returns the entry whose key names {@code registry}, with or without a scheme and path. */
  private static JsonValue entryFor(JsonValue entries, String registry) {
    if (!entries.isObject()) {
      return null;
    }
    JsonValue exact = entries.path(registry);
    if (!exact.isMissing()) {
      return exact;
    }
    for (Map.Entry<String, JsonValue> entry : entries.fields().entrySet()) {
      if (hostOf(entry.getKey()).equals(registry)) {
        return entry.getValue();
      }
    }
    return null;
  }

  static String hostOf(String key) {
    String host = key;
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    return slash >= 0 ? host.substring(0, slash) : host;
  }

  private Optional<Credentials> decode(JsonValue entry, String registry)
      throws InvalidInputException {
    String token = entry.path("identitytoken").asText("");
    if (!token.isEmpty()) {
      return Optional.of(Credentials.identity(token));
    }
    String auth = entry.path("auth").asText("");
    if (auth.isEmpty()) {
      return Optional.empty();
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          file + ": the auth entry for " + registry + " is not valid base64");
    }
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException(
          file + ": the auth entry for " + registry + " is not base64 of user:password");
    }
    return Optional.of(Credentials.basic(pair.substring(0, colon), pair.substring(colon + 1)));
  }
}
