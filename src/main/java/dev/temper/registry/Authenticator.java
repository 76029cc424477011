package dev.temper.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the authentication challenges of one registry. After a {@code Basic} challenge the
 * credentials are sent with every request. After a {@code Bearer} challenge a token is fetched for
 * the request's scope, cached under that scope until it expires, and fetched again when the
 * registry rejects it.
 */
final class Authenticator {
  /** The most unsupported schemes that a failure names, since a registry may send thousands. */
  private static final int MAX_NAMED_SCHEMES = 10;

  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  private final Optional<Credentials> credentials;
  private final Secrets secrets;
  private final Map<Scope, TokenClient.Token> tokens = new ConcurrentHashMap<>();
  private volatile boolean basic;
  private TokenClient tokenClient;

  Authenticator(Optional<Credentials> credentials) {
    this.credentials = credentials;
    this.secrets = Secrets.of(credentials);
  }

  /** Returns the secrets that requests to this registry carry. Each fetched token joins them. */
  Secrets secrets() {
    return secrets;
  }

  void attach(RegistryTransport transport) {
    this.tokenClient = new TokenClient(transport);
  }

  /** Returns the {@code Authorization} header to send for {@code scope}, if any. */
  Optional<String> header(Scope scope, java.time.Instant now) {
    if (basic && credentials.isPresent() && !credentials.get().identityToken()) {
      return Optional.of(credentials.get().basicHeader());
    }
    TokenClient.Token token = tokens.get(scope);
    if (token == null || now.isAfter(token.expires())) {
      return Optional.empty();
    }
    return Optional.of("Bearer " + token.value());
  }

  /**
   * Prepares the retry of a request that got HTTP 401, by fetching a token or switching to basic
   * credentials.
   *
   * @throws RegistryException when the challenge is missing or malformed, or no credentials can
   *     meet it
   */
  void respond(Headers responseHeaders, Scope scope, Optional<String> sent, RequestContext context)
      throws RegistryException, IOException {
    List<String> values = responseHeaders.allValues("WWW-Authenticate");
    if (values.isEmpty()) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          401,
          "HTTP 401 without a WWW-Authenticate challenge",
          null);
    }
    List<AuthChallenge> challenges = new ArrayList<>();
    try {
      for (String value : values) {
        challenges.addAll(AuthChallenge.parseAll(value));
      }
    } catch (IllegalArgumentException e) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          401,
          "malformed WWW-Authenticate challenge: " + e.getMessage(),
          null);
    }
    Optional<AuthChallenge> bearer = find(challenges, "bearer");
    if (bearer.isPresent()) {
      answerBearer(bearer.get(), scope, sent, context);
    } else if (find(challenges, "basic").isPresent()) {
      answerBasic(sent, context);
    } else {
      throw context.failure(
          RegistryException.Reason.UNAUTHORIZED,
          401,
          "unsupported authentication scheme '"
              + context.redact(
                  challenges.stream()
                      .limit(MAX_NAMED_SCHEMES)
                      .map(AuthChallenge::scheme)
                      .collect(Collectors.joining("', '")))
              + (challenges.size() > MAX_NAMED_SCHEMES
                  ? "' and " + (challenges.size() - MAX_NAMED_SCHEMES) + " more"
                  : "'")
              + "; temper supports Basic and Bearer",
          null);
    }
  }

  /**
   * Returns the first challenge of this scheme. A registry that offers both Bearer and Basic gets a
   * token request.
   */
  private static Optional<AuthChallenge> find(List<AuthChallenge> challenges, String scheme) {
    for (AuthChallenge challenge : challenges) {
      if (challenge.scheme().equals(scheme)) {
        return Optional.of(challenge);
      }
    }
    return Optional.empty();
  }

  private void answerBasic(Optional<String> sent, RequestContext context) throws RegistryException {
    if (credentials.isEmpty() || credentials.get().identityToken()) {
      throw missingCredentials(context);
    }
    // A request sent before another thread switched to basic is retried with the credentials.
    if (basic && sent.isPresent() && sent.get().startsWith("Basic ")) {
      throw rejection(context);
    }
    basic = true;
  }

  /** Returns the failure for a request that got HTTP 401 again after its challenge was handled. */
  RegistryException rejection(RequestContext context) {
    if (basic) {
      return context.failure(
          RegistryException.Reason.UNAUTHORIZED,
          401,
          "the registry rejected the credentials; check the user name and password",
          null);
    }
    String detail =
        credentials.isEmpty()
            ? "the registry rejected the anonymous token; pass --username and --password-stdin or add credentials to the auth file"
            : "the registry rejected the token issued for these credentials";
    return context.failure(RegistryException.Reason.UNAUTHORIZED, 401, detail, null);
  }

  private synchronized void answerBearer(
      AuthChallenge challenge, Scope scope, Optional<String> sent, RequestContext context)
      throws RegistryException, IOException {
    Scope requested = scope.plus(challenge.parameter("scope").orElse(null));
    TokenClient.Token current = tokens.get(scope);
    if (current != null && !sent.equals(Optional.of("Bearer " + current.value()))) {
      // Another thread fetched a token for this scope after this request left: use that one.
      return;
    }
    if (tokens.remove(scope) != null) {
      LOG.debug(
          "The registry {} rejected the cached token for {}, fetching a new one",
          context.registry(),
          scope);
    }
    TokenClient.Token token = tokenClient.fetch(challenge, requested, credentials, context);
    secrets.add(token.value());
    tokens.put(scope, token);
  }

  /** Returns whether a token is cached for {@code scope}, for tests. */
  boolean hasToken(Scope scope) {
    return tokens.containsKey(scope);
  }

  private static RegistryException missingCredentials(RequestContext context) {
    return context.failure(
        RegistryException.Reason.UNAUTHORIZED,
        401,
        "the registry requires credentials; pass --username and --password-stdin or add them to"
            + " the auth file",
        null);
  }
}
