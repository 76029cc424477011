package dev.temper.registry;

import dev.temper.cache.HttpReadBuffers;
import dev.temper.cache.TimedBodyStream;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP stacks of the registries. Requests go over {@link BlockingSender} except PATCH, which
 * only the JDK's HTTP client can send; its clients, one for plain HTTP and one for HTTPS, are built
 * on the first PATCH. The TLS context of HTTPS is built on the first HTTPS request: loading the
 * system trust store takes a noticeable part of a short command's time, and a registry on loopback
 * never needs it. The plain client is given a TLS context that trusts no certificate, so that an
 * HTTPS request sent to it by mistake fails instead of going out unverified.
 */
final class HttpClients {
  private final Duration connectTimeout;
  private final Path caFile;
  private final BlockingSender blocking;
  private volatile SSLContext tls;
  private HttpClient plain;
  private HttpClient secure;
  private ExecutorService executor;

  /**
   * Creates the stacks and, when {@code caFile} is set, the TLS context too, so that a bad CA file
   * is reported before any request.
   *
   * @throws InvalidInputException when the CA file cannot be read or contains no certificate
   */
  HttpClients(Duration connectTimeout, Path caFile) throws InvalidInputException, IOException {
    this.connectTimeout = connectTimeout;
    this.caFile = caFile;
    this.blocking = new BlockingSender(connectTimeout, () -> tls().getSocketFactory());
    if (caFile != null) {
      this.tls = TlsContexts.create(caFile);
    }
  }

  /**
   * Sends {@code request} and returns the response with its body still to be read.
   *
   * @param idle how long a body read may wait for data
   */
  Response send(Request request, Duration idle) throws IOException, InterruptedException {
    if (BlockingSender.supports(request.method())) {
      return blocking.send(request);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(request.timeout())
            .method(request.method(), publisher(request.body()));
    request.headers().map().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    HttpResponse<InputStream> response =
        client(request.uri()).send(builder.build(), info -> new TimedBodyStream(idle));
    return new Response(
        request, response.statusCode(), Headers.of(response.headers().map()), response.body());
  }

  /** Returns a publisher that streams the body, opening it when the client subscribes. */
  private static HttpRequest.BodyPublisher publisher(RequestBody body) {
    if (body.contentLength() == 0) {
      return HttpRequest.BodyPublishers.noBody();
    }
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(
            () -> {
              try {
                return body.open();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }),
        body.contentLength());
  }

  /** Returns the JDK HTTP client for the scheme of {@code uri}, building it on first use. */
  synchronized HttpClient client(URI uri) {
    if (executor == null) {
      executor = Executors.newCachedThreadPool(HttpClients::daemon);
    }
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      if (plain == null) {
        // Explicit parameters spare the unused TLS context from working out its cipher suites.
        plain = build(trustingNothing()).sslParameters(new SSLParameters()).build();
      }
      return plain;
    }
    if (secure == null) {
      secure = build(tls()).build();
    }
    return secure;
  }

  private SSLContext tls() {
    SSLContext known = tls;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (tls == null) {
        try {
          tls = TlsContexts.create(caFile);
        } catch (InvalidInputException | IOException e) {
          throw new IllegalStateException(
              "cannot read the CA file " + caFile + " again: " + e.getMessage(), e);
        }
      }
      return tls;
    }
  }

  private HttpClient.Builder build(SSLContext context) {
    HttpReadBuffers.enlarge();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(context)
        .executor(executor);
  }

  private static SSLContext trustingNothing() {
    X509TrustManager rejectAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType)
              throws CertificateException {
            throw new CertificateException("plain HTTP client: no certificate is trusted");
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType)
              throws CertificateException {
            throw new CertificateException("plain HTTP client: no certificate is trusted");
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {rejectAll}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up the plain HTTP client: " + e.getMessage(), e);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "temper-registry-http");
    thread.setDaemon(true);
    return thread;
  }
}
