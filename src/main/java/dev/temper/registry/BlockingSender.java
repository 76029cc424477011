package dev.temper.registry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends registry requests over HTTP/1.1 connections of its own, kept open between requests to the
 * same origin. The JDK's {@code HttpURLConnection}, used before, parses every {@code
 * WWW-Authenticate} header of a 401 response itself, with a cost that grows with the square of its
 * length: a registry that sent 20,000 challenges in one header ran the JVM out of memory. The JDK's
 * HTTP client starts too slowly for short commands, and PATCH goes over this sender too. This
 * sender reads the status line and the header fields with fixed bounds, and frames the body by
 * {@code Content-Length} or chunked encoding, rejecting conflicting lengths.
 *
 * <p>It neither follows redirects nor responds to authentication challenges, because the caller
 * does both. A body read or write that waits longer than the request's timeout fails, a body read
 * notices an interrupt, and a response body that ends before its announced length fails.
 */
final class BlockingSender {
  private static final int STREAMING_CHUNK = 256 * 1024;
  private static final int MAX_INTERIM_RESPONSES = 10;

  private final Duration connectTimeout;
  private final Supplier<SSLSocketFactory> tls;
  private final ConnectionPool pool = new ConnectionPool();

  /**
   * @param tls the socket factory of HTTPS connections, asked for on the first HTTPS request
   */
  BlockingSender(Duration connectTimeout, Supplier<SSLSocketFactory> tls) {
    this.connectTimeout = connectTimeout;
    this.tls = tls;
  }

  /**
   * Sends {@code request} and returns the response with its body still to be read. A connection
   * kept from an earlier request that turns out closed by the server is replaced by a new one once.
   *
   * @throws IOException when the connection fails or the body cannot be sent
   */
  Response send(Request request) throws IOException {
    HttpConnection pooled = pool.take(HttpConnection.originOf(request.uri()));
    if (pooled != null) {
      try {
        return exchange(pooled, request);
      } catch (StaleConnectionException e) {
        // The server closed the idle connection before it read this request: use a new one.
      }
    }
    return exchange(HttpConnection.open(request.uri(), connectTimeout, tls), request);
  }

  private Response exchange(HttpConnection connection, Request request) throws IOException {
    try {
      connection.setReadTimeout(request.timeout());
      return respond(connection, request, sendAndReceiveHead(connection, request));
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private ResponseHead sendAndReceiveHead(HttpConnection connection, Request request)
      throws IOException {
    OutputStream out = connection.out();
    long length = request.body().contentLength();
    // POST and PUT always announce their length, even when it is 0: a proxy in front of a
    // registry may reject them with HTTP 411 otherwise.
    boolean announces = request.method().equals("POST") || request.method().equals("PUT");
    try {
      out.write(
          requestHead(request, announces || length > 0).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (SocketException e) {
      throw connection.reused() ? new StaleConnectionException(e) : e;
    }
    if (length > 0) {
      try {
        writeBody(connection, request);
      } catch (BodySourceException | SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        // A server that responds before it read the body, such as with 401 or 413, may close the
        // connection. Its response, when it arrived, explains more than the failed write.
        connection.markBroken();
        try {
          return readHead(connection, request, false);
        } catch (IOException unread) {
          e.addSuppressed(unread);
          throw connection.reused() ? new StaleConnectionException(e) : e;
        }
      }
    }
    return readHead(connection, request, connection.reused());
  }

  /** Reads the final response head, skipping interim 1xx responses. */
  private static ResponseHead readHead(
      HttpConnection connection, Request request, boolean mayBeStale) throws IOException {
    InputStream in = connection.in();
    long deadline = System.nanoTime() + request.timeout().toNanos();
    for (int interim = 0; interim <= MAX_INTERIM_RESPONSES; interim++) {
      if (mayBeStale && interim == 0) {
        in.mark(1);
        int first;
        try {
          first = in.read();
        } catch (SocketException e) {
          throw new StaleConnectionException(e);
        }
        if (first < 0) {
          throw new StaleConnectionException(
              new EOFException("the connection closed before a response arrived"));
        }
        in.reset();
      }
      ResponseHead head = ResponseHead.read(in, deadline);
      if (head.status() >= 200) {
        return head;
      }
    }
    throw new ProtocolException(
        "the response has more than " + MAX_INTERIM_RESPONSES + " interim 1xx responses");
  }

  private Response respond(HttpConnection connection, Request request, ResponseHead head)
      throws IOException {
    Headers headers = head.headers();
    int status = head.status();
    boolean reusable = !closes(headers, head.http10()) && !closes(request.headers(), false);
    if (request.method().equals("HEAD") || status == 204 || status == 304) {
      pool.release(connection, reusable);
      return new Response(request, status, headers, InputStream.nullInputStream());
    }
    List<String> encodings = headers.allValues("Transfer-Encoding");
    if (!encodings.isEmpty()) {
      if (!onlyChunked(encodings)) {
        throw new ProtocolException(
            "the response uses an unsupported Transfer-Encoding: " + String.join(", ", encodings));
      }
      // The chunks frame the body, so a Content-Length next to them is ignored and dropped, and the
      // connection, whose framing was ambiguous, serves no other request.
      Headers chunked = headers.without("Content-Length");
      boolean clean = reusable && headers.allValues("Content-Length").isEmpty();
      return new Response(
          request,
          status,
          chunked,
          new ResponseBody(
              new ChunkedBody(connection.in()), pool, connection, -1, clean, request.timeout()));
    }
    long announced = contentLength(headers);
    if (announced < 0) {
      return new Response(
          request,
          status,
          headers,
          new ResponseBody(connection.in(), pool, connection, -1, false, request.timeout()));
    }
    // A list of equal values, which the checks allowed, reaches the callers as one number.
    Headers framed = headers.with("Content-Length", Long.toString(announced));
    if (announced == 0) {
      pool.release(connection, reusable);
      return new Response(request, status, framed, InputStream.nullInputStream());
    }
    return new Response(
        request,
        status,
        framed,
        new ResponseBody(
            connection.in(), pool, connection, announced, reusable, request.timeout()));
  }

  private String requestHead(Request request, boolean withLength) throws ProtocolException {
    URI uri = request.uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    StringBuilder head = new StringBuilder(512);
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    field(head, "Host", HttpConnection.hostHeader(uri));
    Headers headers = request.headers();
    if (headers.firstValue("Accept").isEmpty()) {
      field(head, "Accept", "*/*");
    }
    if (headers.firstValue("User-Agent").isEmpty()) {
      field(head, "User-Agent", "temper");
    }
    for (Map.Entry<String, List<String>> entry : headers.map().entrySet()) {
      String name = entry.getKey();
      if (name.equalsIgnoreCase("Host")
          || name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Transfer-Encoding")) {
        continue;
      }
      for (String value : entry.getValue()) {
        field(head, name, value);
      }
    }
    if (withLength) {
      field(head, "Content-Length", Long.toString(request.body().contentLength()));
    }
    return head.append("\r\n").toString();
  }

  private static void field(StringBuilder head, String name, String value)
      throws ProtocolException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new ProtocolException("the request header " + name + " contains a line break");
      }
    }
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static void writeBody(HttpConnection connection, Request request) throws IOException {
    RequestBody body = request.body();
    OutputStream guarded =
        new StalledWriteGuard(connection.out(), connection::close, request.timeout());
    byte[] buffer = new byte[STREAMING_CHUNK];
    long sent = 0;
    try (InputStream in = body.open()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (sent + read > body.contentLength()) {
          break;
        }
        guarded.write(buffer, 0, read);
        sent += read;
      }
    }
    if (sent != body.contentLength()) {
      throw new IOException(
          "the request body ended after " + sent + " of " + body.contentLength() + " bytes");
    }
    guarded.flush();
  }

  /**
   * Returns the body length that the response announces, or -1 when it announces none.
   *
   * @throws ProtocolException when the values are not numbers or differ from each other
   */
  private static long contentLength(Headers headers) throws ProtocolException {
    long length = -1;
    for (String field : headers.allValues("Content-Length")) {
      for (String part : field.split(",", -1)) {
        long value = parseLength(part.strip());
        if (length >= 0 && value != length) {
          throw new ProtocolException("the response has conflicting Content-Length values");
        }
        length = value;
      }
    }
    return length;
  }

  private static long parseLength(String text) throws ProtocolException {
    if (text.isEmpty() || text.length() > 18) {
      throw new ProtocolException("the response has an invalid Content-Length");
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("the response has an invalid Content-Length");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Returns whether the only transfer coding is {@code chunked}. This client sends no {@code TE}
   * header, so a server has no reason to compress the framing, and a body it cannot decode would
   * only fail later as a digest mismatch.
   */
  private static boolean onlyChunked(List<String> encodings) {
    int chunked = 0;
    for (String field : encodings) {
      for (String coding : field.split(",", -1)) {
        if (!coding.strip().equalsIgnoreCase("chunked")) {
          return false;
        }
        chunked++;
      }
    }
    return chunked == 1;
  }

  /**
   * Returns whether the {@code Connection} field ends the connection after this message: {@code
   * close} does, and for HTTP/1.0 so does the lack of {@code keep-alive}.
   */
  private static boolean closes(Headers headers, boolean http10) {
    boolean keepAlive = false;
    for (String value : headers.allValues("Connection")) {
      for (String option : value.split(",")) {
        String name = option.strip().toLowerCase(Locale.ROOT);
        if (name.equals("close")) {
          return true;
        }
        keepAlive |= name.equals("keep-alive");
      }
    }
    return http10 && !keepAlive;
  }

  /** A kept connection that the server closed while it was idle. */
  private static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
