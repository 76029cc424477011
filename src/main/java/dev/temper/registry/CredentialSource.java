package dev.temper.registry;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.util.Optional;

/** Looks up the credentials for a registry host. */
@FunctionalInterface
public interface CredentialSource {
  /** A source that has no credentials, for anonymous access. */
  CredentialSource ANONYMOUS = registry -> Optional.empty();

  /**
   * Returns the credentials for {@code registry}, such as {@code 127.0.0.1:5000}, or empty.
   *
   * @throws InvalidInputException when the stored credentials cannot be read
   */
  Optional<Credentials> find(String registry) throws InvalidInputException, IOException;

  /** Returns a source that gives {@code credentials} for every registry. */
  static CredentialSource fixed(Credentials credentials) {
    return registry -> Optional.of(credentials);
  }
}
