package dev.temper.registry;

import dev.temper.cache.DownloadListener;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@link RegistryClient}s. Clients of the same registry share one connection pool and one
 * authentication state, so a token fetched for one operation serves the next.
 */
public final class Registries {
  private final RegistrySettings settings;
  private final CredentialSource credentials;
  private final DownloadListener listener;
  private final HttpClients clients;
  private final Map<String, RegistryTransport> transports = new ConcurrentHashMap<>();

  /**
   * Creates the factory.
   *
   * @throws InvalidInputException when the CA file of the settings cannot be read
   */
  public Registries(
      RegistrySettings settings, CredentialSource credentials, DownloadListener listener)
      throws InvalidInputException, IOException {
    this.settings = settings;
    this.credentials = credentials;
    this.listener = listener;
    this.clients = new HttpClients(settings.connectTimeout(), settings.caFile());
  }

  /** Returns the settings the clients use. */
  public RegistrySettings settings() {
    return settings;
  }

  /**
   * Returns a client for {@code repository}.
   *
   * @throws InvalidInputException when the credentials for its registry cannot be read
   */
  public RegistryClient open(Repository repository) throws InvalidInputException, IOException {
    RegistryTransport transport = transports.get(repository.registry());
    if (transport == null) {
      Authenticator authenticator = new Authenticator(credentials.find(repository.registry()));
      RegistryTransport created =
          new RegistryTransport(repository.registry(), clients, settings, authenticator);
      transport = transports.computeIfAbsent(repository.registry(), key -> created);
    }
    return new RegistryClient(transport, repository, listener);
  }
}
