package dev.temper.registry;

import dev.temper.cache.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests of one registry: picks HTTPS or, for loopback and with {@code --insecure},
 * plain HTTP; responds to authentication challenges; follows redirects without sending credentials
 * to another origin; and retries HTTP 429, 5xx and failed connections with bounded backoff.
 */
final class RegistryTransport {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);
  private static final int MAX_REDIRECTS = 5;

  private final String registry;
  private final HttpClients clients;
  private final RegistrySettings settings;
  private final Authenticator authenticator;
  private final SchemeProbe probe;

  RegistryTransport(
      String registry,
      HttpClients clients,
      RegistrySettings settings,
      Authenticator authenticator) {
    this.registry = registry;
    this.clients = clients;
    this.settings = settings;
    this.authenticator = authenticator;
    this.probe = new SchemeProbe(registry, this);
    authenticator.attach(this);
  }

  RegistrySettings settings() {
    return settings;
  }

  /** Returns the secrets that this registry's requests carry, for redacting its responses. */
  Secrets secrets() {
    return authenticator.secrets();
  }

  /** Returns whether plain HTTP may be used with {@code host}. */
  boolean plainHttpAllowed(String host) {
    return settings.insecure() || Loopback.isLoopback(host);
  }

  /** Returns the URI of {@code path} on this registry, such as {@code /v2/NAME/tags/list}. */
  URI resolve(String path, RequestContext context) throws RegistryException, IOException {
    return probe.base().resolve(path);
  }

  /**
   * Sends a registry request with authentication and redirects, retrying transient failures.
   * Returns the final response whatever its status, except that HTTP 429 and 5xx are retried.
   *
   * @throws RegistryException when the retries run out or an authentication challenge cannot be met
   */
  Response send(RegistryCall call) throws RegistryException, IOException {
    return withRetries(call.context(), () -> sendOnce(call));
  }

  /**
   * Sends a request that needs no registry credentials, such as a token request, retrying transient
   * failures.
   */
  Response exchange(
      String method, URI uri, Headers.Builder headers, RequestBody body, RequestContext context)
      throws RegistryException, IOException {
    Request request =
        new Request(
            method, uri, headers.add("User-Agent", "temper").build(), body, settings.idleTimeout());
    return withRetries(context, () -> retryable(context, transmit(request, context)));
  }

  private Response sendOnce(RegistryCall call) throws RegistryException, IOException, Transient {
    URI origin = probe.base();
    URI target = call.uri().isAbsolute() ? call.uri() : origin.resolve(call.uri());
    String method = call.method();
    boolean challenged = false;
    for (int redirects = 0; ; ) {
      boolean sameOrigin = sameOrigin(origin, target);
      Optional<String> authorization =
          sameOrigin
              ? authenticator.header(call.scope(), settings.clock().instant())
              : Optional.empty();
      Request request = build(call, method, target, authorization);
      Response response = transmit(request, call.context());
      int status = response.statusCode();
      if (status == 401 && sameOrigin) {
        response.body().close();
        if (challenged) {
          throw authenticator.rejection(call.context());
        }
        authenticator.respond(response.headers(), call.scope(), authorization, call.context());
        challenged = true;
        continue;
      }
      Optional<String> location = response.headers().firstValue("Location");
      if (isRedirect(status) && call.followRedirects() && location.isPresent()) {
        response.body().close();
        if (++redirects > MAX_REDIRECTS) {
          throw call.context()
              .failure(
                  RegistryException.Reason.PROTOCOL,
                  status,
                  "more than " + MAX_REDIRECTS + " redirects",
                  null);
        }
        target = redirectTarget(target, location.get(), call.context());
        if (status == 303) {
          method = "GET";
        }
        continue;
      }
      return retryable(call.context(), response);
    }
  }

  private Request build(
      RegistryCall call, String method, URI target, Optional<String> authorization) {
    Headers.Builder headers = new Headers.Builder().add("User-Agent", "temper");
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      headers.add(header.getKey(), header.getValue());
    }
    if (authorization.isPresent()) {
      headers.add("Authorization", authorization.get());
    }
    // A redirect that turned the method into GET drops the body.
    boolean withBody = call.body() != null && method.equals(call.method());
    RequestBody body = withBody ? call.body() : RequestBody.EMPTY;
    return new Request(method, target, headers.build(), body, settings.idleTimeout());
  }

  /** Sends one request without retries; a failed connection becomes a {@link Transient}. */
  Response transmit(Request request, RequestContext context)
      throws RegistryException, IOException, Transient {
    try {
      Response response = clients.send(request);
      LOG.debug("{} {} -> HTTP {}", request.method(), forLog(request.uri()), response.statusCode());
      return response;
    } catch (SSLException e) {
      throw context.failure(
          RegistryException.Reason.UNAVAILABLE,
          -1,
          "TLS connection to "
              + request.uri().getHost()
              + ":"
              + port(request.uri())
              + " failed: "
              + e.getMessage()
              + "; pass --ca-file with the CA certificate that signed the registry's certificate",
          e);
    } catch (ProtocolException e) {
      // A response that the HTTP stack cannot parse fails the same way on a retry.
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          -1,
          "invalid response from "
              + request.uri().getHost()
              + ":"
              + port(request.uri())
              + ": "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      // A body that fails to read locally fails the same way on a retry, and blames no server.
      BodySourceException local = BodySourceException.in(e);
      if (local != null) {
        throw local;
      }
      // The host is named because a redirect may have sent the request away from the registry.
      throw new Transient(
          describe(e) + " from " + request.uri().getHost() + ":" + port(request.uri()), e, null);
    }
  }

  /** Turns HTTP 429 and 5xx into a retry and passes every other response on. */
  private Response retryable(RequestContext context, Response response)
      throws IOException, Transient {
    int status = response.statusCode();
    if (status == 429 || status >= 500 && status <= 599) {
      response.body().close();
      Optional<Duration> wait =
          RetryAfter.parse(
              response.headers().firstValue("Retry-After").orElse(null), settings.clock());
      throw new Transient("HTTP " + status, null, wait.orElse(null));
    }
    return response;
  }

  private URI redirectTarget(URI from, String location, RequestContext context)
      throws RegistryException {
    URI target;
    try {
      target = from.resolve(new URI(location));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw context.failure(RegistryException.Reason.PROTOCOL, -1, "invalid redirect location", e);
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed =
        scheme.equals("https") || scheme.equals("http") && plainHttpAllowed(target.getHost());
    if (!allowed || target.getHost() == null) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          -1,
          "refusing to follow a redirect to "
              + scheme
              + "://"
              + target.getHost()
              + "; only HTTPS, or HTTP on loopback or with --insecure, is followed",
          null);
    }
    return target;
  }

  /** One attempt, which may throw {@link Transient} to be tried again. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws RegistryException, IOException, Transient;
  }

  /** Runs {@code attempt} under the retry policy. */
  <T> T withRetries(RequestContext context, Attempt<T> attempt)
      throws RegistryException, IOException {
    for (int number = 1; ; number++) {
      try {
        return attempt.run();
      } catch (Transient failure) {
        int max = settings.retryPolicy().maxAttempts();
        if (number >= max) {
          throw context.failure(
              RegistryException.Reason.UNAVAILABLE,
              failure.status(),
              "gave up after "
                  + number
                  + (number == 1 ? " attempt" : " attempts")
                  + ", last error: "
                  + failure.getMessage(),
              failure.getCause());
        }
        Duration delay =
            settings.retryPolicy().delayAfter(number, failure.retryAfter(), settings.random());
        LOG.warn(
            "{} on {} failed ({}), retrying in {} ms (attempt {} of {})",
            context.operation(),
            registry,
            failure.getMessage(),
            delay.toMillis(),
            number + 1,
            max);
        pause(delay);
      }
    }
  }

  private void pause(Duration delay) throws InterruptedIOException {
    try {
      settings.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /**
   * Returns the URI for logs and messages: without its user info, which may hold a password, such
   * as in a token realm, and without its query, which may hold upload state.
   */
  static String forLog(URI uri) {
    String text = uri.toString();
    String authority = uri.getRawAuthority();
    int userInfoEnd = authority == null ? -1 : authority.lastIndexOf('@');
    // The authority, not getRawUserInfo, because a host that does not parse as a server name
    // leaves the user info null while the authority still contains it.
    if (userInfoEnd >= 0) {
      String withUserInfo = "//" + authority;
      int start = text.indexOf(withUserInfo);
      text =
          text.substring(0, start)
              + "//"
              + authority.substring(userInfoEnd + 1)
              + text.substring(start + withUserInfo.length());
    }
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }

  static String describe(IOException failure) {
    String message = failure.getMessage();
    if (message == null && failure.getCause() != null) {
      message = failure.getCause().getMessage();
    }
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }
}
