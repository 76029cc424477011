package dev.temper.registry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to a registry, plain or over TLS, with buffered streams. A TLS connection
 * checks that the certificate names the host, as HTTPS requires.
 */
final class HttpConnection implements Closeable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final String origin;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean reused;
  private boolean broken;

  private HttpConnection(String origin, Socket socket) throws IOException {
    this.origin = origin;
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
    this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
  }

  /**
   * Opens a connection to the host and port of {@code uri}, with a TLS handshake for {@code https}.
   *
   * @param tls gives the socket factory of TLS connections, asked for only for {@code https}
   */
  static HttpConnection open(URI uri, Duration connectTimeout, Supplier<SSLSocketFactory> tls)
      throws IOException {
    String host = hostOf(uri);
    int port = portOf(uri);
    Socket plain = new Socket();
    try {
      plain.setTcpNoDelay(true);
      plain.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
      if (!isHttps(uri)) {
        return new HttpConnection(originOf(uri), plain);
      }
      SSLSocket secure = (SSLSocket) tls.get().createSocket(plain, host, port, true);
      SSLParameters parameters = secure.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!isAddressLiteral(host)) {
        parameters.setServerNames(java.util.List.of(new SNIHostName(host)));
      }
      secure.setSSLParameters(parameters);
      secure.setSoTimeout(Math.toIntExact(connectTimeout.toMillis()));
      try {
        secure.startHandshake();
      } catch (SocketTimeoutException e) {
        SSLHandshakeException timedOut =
            new SSLHandshakeException(
                "the TLS handshake timed out after "
                    + connectTimeout.toMillis()
                    + " ms; the server may not speak TLS on this port");
        timedOut.initCause(e);
        throw timedOut;
      }
      return new HttpConnection(originOf(uri), secure);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** Returns the key of the connections that can serve {@code uri}: scheme, host and port. */
  static String originOf(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + hostOf(uri).toLowerCase(Locale.ROOT)
        + ":"
        + portOf(uri);
  }

  /** Returns the value of the {@code Host} header for {@code uri}, with the port unless default. */
  static String hostHeader(URI uri) {
    String host = uri.getHost();
    return uri.getPort() < 0 || uri.getPort() == defaultPort(uri)
        ? host
        : host + ":" + uri.getPort();
  }

  String origin() {
    return origin;
  }

  InputStream in() {
    return in;
  }

  OutputStream out() {
    return out;
  }

  /** Returns whether an earlier response came over this connection. */
  boolean reused() {
    return reused;
  }

  void markReused() {
    reused = true;
  }

  /** Marks a connection whose request went out incomplete, so that it serves no other request. */
  void markBroken() {
    broken = true;
  }

  /** Returns whether {@link #markBroken} was called. */
  boolean broken() {
    return broken;
  }

  void setReadTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout(Math.toIntExact(Math.min(timeout.toMillis(), Integer.MAX_VALUE)));
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // A socket that fails to close is gone either way.
    }
  }

  private static boolean isHttps(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host in " + uri);
    }
    // An IPv6 literal keeps its brackets in the URI but not in a socket address.
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static int portOf(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri);
  }

  private static int defaultPort(URI uri) {
    return isHttps(uri) ? 443 : 80;
  }

  private static boolean isAddressLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }
}
