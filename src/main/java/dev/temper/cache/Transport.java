package dev.temper.cache;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.error.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** Opens the body of an {@code http}, {@code https} or {@code file} URI for one attempt. */
final class Transport {
  private static final String USER_AGENT = "temper";

  /**
   * An open body.
   *
   * @param contentLength the announced length in bytes, or -1 if unknown
   * @param remote whether the body comes over the network, where a failed read is worth retrying
   */
  record Body(InputStream stream, long contentLength, boolean remote) implements Closeable {
    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Clock clock;

  /**
   * Creates a transport.
   *
   * @param requestTimeout the maximum wait for the response headers and for each piece of the body
   * @param clock the clock that turns a {@code Retry-After} date into a wait
   */
  Transport(HttpClient client, Duration requestTimeout, Clock clock) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  /**
   * Opens {@code uri}.
   *
   * @throws TransientFailure on a connection failure, a timeout, HTTP 429 or HTTP 5xx
   * @throws NotFoundException on HTTP 404 or 410, or a missing local file
   * @throws NetworkException on any other HTTP status except 200
   * @throws InvalidInputException if the scheme is not supported
   */
  Body open(URI uri) throws TransientFailure, InvalidInputException, NetworkException, IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "http":
      case "https":
        return openHttp(uri);
      case "file":
        return openFile(uri);
      default:
        throw new InvalidInputException(
            "unsupported URI scheme in " + uri + ": expected http, https or file");
    }
  }

  /** Returns a short description of a failed request or read, for messages and logs. */
  static String describe(IOException failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    String message = failure.getMessage();
    if (message == null && failure.getCause() != null) {
      message = failure.getCause().getMessage();
    }
    if (failure instanceof ConnectException) {
      return message == null ? "connection failed" : "connection failed: " + message;
    }
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  private Body openHttp(URI uri)
      throws TransientFailure, NotFoundException, NetworkException, IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("User-Agent", USER_AGENT)
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, info -> new TimedBodyStream(requestTimeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while requesting " + uri);
    } catch (IOException e) {
      throw new TransientFailure(describe(e), e, null);
    }
    int status = response.statusCode();
    if (status == 200) {
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      return new Body(response.body(), length, true);
    }
    response.body().close();
    if (status == 404 || status == 410) {
      throw new NotFoundException(uri + ": not found (HTTP " + status + ")");
    }
    if (status == 429 || (status >= 500 && status <= 599)) {
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      throw new TransientFailure(
          "HTTP " + status, null, RetryAfter.parse(retryAfter, clock).orElse(null));
    }
    throw new NetworkException(uri + ": request failed with HTTP " + status);
  }

  private static Body openFile(URI uri) throws IOException, InvalidInputException {
    Path path;
    try {
      path = Path.of(uri);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid file URI " + uri + ": " + e.getMessage(), e);
    }
    try {
      long size = Files.size(path);
      return new Body(Files.newInputStream(path), size, false);
    } catch (NoSuchFileException e) {
      throw new NotFoundException(path + ": not found", e);
    }
  }
}
