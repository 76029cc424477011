package dev.temper.registry;

import dev.temper.cache.HttpReadBuffers;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * The two HTTP clients of the registries: one for plain HTTP, and one for HTTPS that is built on
 * the first HTTPS request. Loading the system trust store takes a noticeable part of a short
 * command's time, and a registry on loopback never needs it. The plain client is given a TLS
 * context that trusts no certificate, so that an HTTPS request sent to it by mistake fails instead
 * of going out unverified.
 */
final class HttpClients {
  private final Duration connectTimeout;
  private final Path caFile;
  private final ExecutorService executor = Executors.newCachedThreadPool(HttpClients::daemon);
  private final HttpClient plain;
  private volatile HttpClient secure;

  /**
   * Creates the plain client and, when {@code caFile} is set, the HTTPS client too, so that a bad
   * CA file is reported before any request.
   *
   * @throws InvalidInputException when the CA file cannot be read or contains no certificate
   */
  HttpClients(Duration connectTimeout, Path caFile) throws InvalidInputException, IOException {
    this.connectTimeout = connectTimeout;
    this.caFile = caFile;
    // Explicit parameters spare the unused TLS context from working out its default cipher suites.
    this.plain = build(trustingNothing()).sslParameters(new SSLParameters()).build();
    if (caFile != null) {
      this.secure = buildSecure();
    }
  }

  /** Returns the client for the scheme of {@code uri}. */
  HttpClient forUri(URI uri) throws IOException {
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      return plain;
    }
    HttpClient known = secure;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (secure == null) {
        try {
          secure = buildSecure();
        } catch (InvalidInputException e) {
          throw new IllegalStateException(
              "cannot read the CA file " + caFile + " again: " + e.getMessage(), e);
        }
      }
      return secure;
    }
  }

  private HttpClient buildSecure() throws InvalidInputException, IOException {
    return build(TlsContexts.create(caFile)).build();
  }

  private HttpClient.Builder build(SSLContext tls) {
    HttpReadBuffers.enlarge();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(tls)
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
