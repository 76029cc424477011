package dev.temper.registry;

import dev.temper.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetches bearer tokens from the token server that a {@code Bearer} challenge names, as the
 * distribution token authentication spec describes: a GET with basic credentials, or a POST of an
 * identity token as an OAuth2 refresh token.
 */
final class TokenClient {
  private static final int MAX_RESPONSE_BYTES = 1 << 20;
  // The token spec's default when the server gives no expires_in.
  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
  // A longer expires_in is cut to this, so that adding it to the clock cannot overflow. A token
  // that the registry rejects earlier is fetched again anyway.
  private static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /**
   * A bearer token with the instant after which it is no longer sent.
   *
   * @param value the token; never logged
   */
  record Token(String value, Instant expires) {
    @Override
    public String toString() {
      return "Token[***, expires " + expires + "]";
    }
  }

  private final RegistryTransport transport;

  TokenClient(RegistryTransport transport) {
    this.transport = transport;
  }

  /**
   * Requests a token for {@code scope}.
   *
   * @throws RegistryException when the realm is not allowed, the server rejects the request or
   *     responds with something that is not a token
   */
  Token fetch(
      AuthChallenge challenge,
      Scope scope,
      Optional<Credentials> credentials,
      RequestContext context)
      throws RegistryException, IOException {
    URI realm = realm(challenge, context);
    List<String> query = new ArrayList<>();
    challenge.parameter("service").ifPresent(service -> query.add(param("service", service)));
    for (String entry : scope.entries()) {
      query.add(param("scope", entry));
    }
    RequestContext tokenContext = context.withOperation("token request to " + realm.getHost());
    Headers.Builder headers = new Headers.Builder();
    Response response;
    if (credentials.isPresent() && credentials.get().identityToken()) {
      query.add(param("grant_type", "refresh_token"));
      query.add(param("refresh_token", credentials.get().secret()));
      query.add(param("client_id", "temper"));
      headers.add("Content-Type", "application/x-www-form-urlencoded");
      byte[] form = String.join("&", query).getBytes(StandardCharsets.UTF_8);
      response = transport.exchange("POST", realm, headers, RequestBody.of(form), tokenContext);
    } else {
      String separator = realm.getRawQuery() == null ? "?" : "&";
      URI uri = URI.create(realm + (query.isEmpty() ? "" : separator + String.join("&", query)));
      if (credentials.isPresent()) {
        headers.add("Authorization", credentials.get().basicHeader());
      }
      response = transport.exchange("GET", uri, headers, RequestBody.EMPTY, tokenContext);
    }
    return read(response, context);
  }

  private URI realm(AuthChallenge challenge, RequestContext context) throws RegistryException {
    String text = challenge.parameter("realm").orElse("");
    if (text.isEmpty()) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          401,
          "the Bearer challenge names no realm, so no token can be requested",
          null);
    }
    URI realm;
    try {
      realm = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL, -1, "invalid token realm '" + text + "'", e);
    }
    String scheme = realm.getScheme() == null ? "" : realm.getScheme();
    if (realm.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL, -1, "invalid token realm '" + text + "'", null);
    }
    if (scheme.equals("http") && !transport.plainHttpAllowed(realm.getHost())) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          -1,
          "the token realm "
              + RegistryTransport.forLog(realm)
              + " uses plain HTTP; pass --insecure to allow it",
          null);
    }
    return realm;
  }

  private Token read(Response response, RequestContext context)
      throws RegistryException, IOException {
    int status = response.statusCode();
    byte[] body = ResponseBodies.read(response, MAX_RESPONSE_BYTES, context);
    if (status == 401 || status == 403) {
      throw context.failure(
          RegistryException.Reason.UNAUTHORIZED,
          status,
          "the token server rejected the credentials; check the user name and password",
          null);
    }
    if (status != 200) {
      throw context.failure(
          RegistryException.Reason.REJECTED, status, "the token request failed", null);
    }
    if (body.length > MAX_RESPONSE_BYTES) {
      throw context.failure(
          RegistryException.Reason.TOO_LARGE,
          status,
          "the token response is larger than 1 MiB",
          null);
    }
    JsonValue root;
    try {
      root = JsonValue.parse(body);
    } catch (IOException e) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL, status, "the token response is not JSON", null);
    }
    String token = root.path("token").asText(root.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL, status, "the token response has no token", null);
    }
    // The token goes into an Authorization header, and the HTTP stacks reject a header with a
    // line break or control character by an exception whose message quotes the whole value.
    if (!isVisibleAscii(token)) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          status,
          "the token response has a token with characters that a header cannot carry",
          null);
    }
    long seconds = root.path("expires_in").asLong(0);
    Duration lifetime =
        seconds >= 60
            ? Duration.ofSeconds(Math.min(seconds, MAX_LIFETIME.toSeconds()))
            : DEFAULT_LIFETIME;
    // Expire ten seconds early so that a token does not run out between check and use.
    Instant expires = transport.settings().clock().instant().plus(lifetime).minusSeconds(10);
    return new Token(token, expires);
  }

  /** Returns whether every character is printable ASCII other than the space. */
  private static boolean isVisibleAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '!' || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
