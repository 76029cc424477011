package dev.temper.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 with an ephemeral port, for tests. It serves in-memory bodies
 * and, optionally, files below a directory. Each path can be given faults: failing with a status,
 * sending only part of the body, delaying the response, or stalling in the middle of the body.
 */
public final class LoopbackServer implements Closeable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Path directory;
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private final Map<String, Faults> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  /** The faults set for one path. The counters go down as requests use them up. */
  private static final class Faults {
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile int failureStatus;
    volatile String retryAfter;
    final AtomicInteger truncationsLeft = new AtomicInteger();
    volatile int truncatedLength;
    volatile Duration delay = Duration.ZERO;
    volatile int stallAfter = -1;
  }

  private LoopbackServer(Path directory) throws IOException {
    this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server that serves only bodies added with {@link #put}. */
  public static LoopbackServer start() throws IOException {
    return new LoopbackServer(null);
  }

  /** Starts a server that also serves the files below {@code directory}. */
  public static LoopbackServer serving(Path directory) throws IOException {
    return new LoopbackServer(directory);
  }

  /** Serves {@code body} at {@code path}, which starts with a slash. */
  public LoopbackServer put(String path, byte[] body) {
    bodies.put(path, body.clone());
    return this;
  }

  /** Returns the URI of {@code path} on this server. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Responds to the next {@code times} requests for {@code path} with {@code status}. */
  public LoopbackServer failNext(String path, int times, int status) {
    Faults pathFaults = faultsOf(path);
    pathFaults.failureStatus = status;
    pathFaults.failuresLeft.set(times);
    return this;
  }

  /** Adds a {@code Retry-After} header with this value to the failure responses of {@code path}. */
  public LoopbackServer retryAfter(String path, String value) {
    faultsOf(path).retryAfter = value;
    return this;
  }

  /**
   * Sends only the first {@code length} bytes of the body for the next {@code times} requests, with
   * the full Content-Length, then closes the connection.
   */
  public LoopbackServer truncateNext(String path, int times, int length) {
    Faults pathFaults = faultsOf(path);
    pathFaults.truncatedLength = length;
    pathFaults.truncationsLeft.set(times);
    return this;
  }

  /** Waits {@code delay}, or until the server closes, before responding to each request. */
  public LoopbackServer delay(String path, Duration delay) {
    faultsOf(path).delay = delay;
    return this;
  }

  /**
   * Sends the headers and {@code length} bytes of the body, then stalls until the server closes.
   */
  public LoopbackServer stallAfter(String path, int length) {
    faultsOf(path).stallAfter = length;
    return this;
  }

  /** Returns how many requests for {@code path} arrived. */
  public int requestCount(String path) {
    AtomicInteger count = requestCounts.get(path);
    return count == null ? 0 : count.get();
  }

  /** Stops the server and releases delayed and stalled responses. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private Faults faultsOf(String path) {
    return faults.computeIfAbsent(path, p -> new Faults());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requestCounts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Faults pathFaults = faults.getOrDefault(path, new Faults());
      if (!pathFaults.delay.isZero() && waitUntilClosed(pathFaults.delay)) {
        return;
      }
      if (pathFaults.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        if (pathFaults.retryAfter != null) {
          exchange.getResponseHeaders().add("Retry-After", pathFaults.retryAfter);
        }
        exchange.sendResponseHeaders(pathFaults.failureStatus, -1);
        return;
      }
      byte[] body = find(path);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      send(exchange, body, pathFaults);
    }
  }

  private void send(HttpExchange exchange, byte[] body, Faults pathFaults) throws IOException {
    // For HttpServer a length of -1 means that no body follows, and 0 means chunked encoding.
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    OutputStream out = exchange.getResponseBody();
    if (pathFaults.truncationsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      out.write(body, 0, Math.min(pathFaults.truncatedLength, body.length));
      out.flush();
      closeConnectionEarly(out);
      return;
    }
    if (pathFaults.stallAfter >= 0) {
      out.write(body, 0, Math.min(pathFaults.stallAfter, body.length));
      out.flush();
      waitUntilClosed(Duration.ofMinutes(5));
      closeConnectionEarly(out);
      return;
    }
    out.write(body);
  }

  /**
   * Drops the connection after a partial body. Closing the body stream early only marks the
   * exchange closed and leaves the connection open, so this throws out of the handler, which makes
   * HttpServer close the connection.
   */
  private static void closeConnectionEarly(OutputStream out) throws IOException {
    try {
      out.close();
    } catch (IOException expected) {
      // HttpServer reports the missing bytes here.
    }
    throw new IOException("dropping the connection after a partial body, as the test requested");
  }

  private byte[] find(String path) throws IOException {
    byte[] body = bodies.get(path);
    if (body != null || directory == null) {
      return body;
    }
    Path file = directory.resolve(path.substring(1)).normalize();
    if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
      return null;
    }
    return Files.readAllBytes(file);
  }

  /** Waits for {@code delay} and returns true if the server closed first. */
  private boolean waitUntilClosed(Duration delay) {
    try {
      return closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
