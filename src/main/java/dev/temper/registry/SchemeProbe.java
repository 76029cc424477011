package dev.temper.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses HTTPS or plain HTTP for one registry, once: HTTPS unless the registry is on loopback, or
 * {@code --insecure} is set, and it responds only to plain HTTP.
 */
final class SchemeProbe {
  private static final Logger LOG = LoggerFactory.getLogger(SchemeProbe.class);

  private final String registry;
  private final RegistryTransport transport;
  private volatile URI base;

  SchemeProbe(String registry, RegistryTransport transport) {
    this.registry = registry;
    this.transport = transport;
  }

  /** Returns the registry's base URI, {@code https://HOST/} or {@code http://HOST/}. */
  URI base() throws IOException {
    URI known = base;
    if (known != null) {
      return known;
    }
    // Blobs are copied from several threads, and only the first of them sends the probe.
    synchronized (this) {
      return base == null ? choose() : base;
    }
  }

  private URI choose() throws IOException {
    URI https = URI.create("https://" + registry + "/");
    URI http = URI.create("http://" + registry + "/");
    String host = hostOf(registry);
    if (Loopback.isLoopback(host)) {
      // Loopback traffic cannot be read by others, so plain HTTP is tried first: some TLS-less
      // servers never respond to a TLS handshake and would stall an HTTPS probe until it times out.
      Optional<Boolean> plain = answersPlainHttp(http);
      if (plain.isEmpty()) {
        return https;
      }
      base = plain.get() ? http : https;
    } else if (transport.settings().insecure()) {
      boolean plain = !answersHttps(https) && answersPlainHttp(http).orElse(false);
      base = plain ? http : https;
    } else {
      base = https;
    }
    if (base.equals(http)) {
      LOG.info("Using plain HTTP for {}, which is on loopback or allowed by --insecure", registry);
    }
    return base;
  }

  /**
   * Sends one unauthenticated {@code GET /v2/} over plain HTTP. Returns whether an HTTP server
   * responded, with any status but 400, or empty when nothing listens, so the choice is made again
   * later. A TLS server that receives plain HTTP responds 400 or closes the connection. A plain
   * server that is not a registry, such as one on the wrong port, keeps plain HTTP, so that its
   * errors are reported as they are and not as a failed TLS handshake.
   */
  private Optional<Boolean> answersPlainHttp(URI http) throws IOException {
    try {
      int status = probe(http).statusCode();
      return Optional.of(status != 400);
    } catch (Transient e) {
      return e.getCause() instanceof java.net.ConnectException
          ? Optional.empty()
          : Optional.of(false);
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException | RegistryException e) {
      return Optional.of(false);
    }
  }

  private boolean answersHttps(URI https) throws IOException {
    try {
      probe(https);
      return true;
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException | RegistryException | Transient e) {
      return false;
    }
  }

  private Response probe(URI root) throws RegistryException, IOException, Transient {
    Request request =
        new Request(
            "GET",
            root.resolve("/v2/"),
            new Headers.Builder().add("User-Agent", "temper").build(),
            RequestBody.EMPTY,
            transport.settings().idleTimeout());
    Response response = transport.transmit(request, new RequestContext(registry, "", "connect"));
    response.body().close();
    return response;
  }

  private static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      return registry.substring(0, registry.indexOf(']') + 1);
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}
