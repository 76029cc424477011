package dev.temper.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP server on 127.0.0.1 that plays a misbehaving registry, for the fault cases that
 * the real distribution server never produces. It is a mock, and the tests that use it say which
 * fault it plays. Every request is recorded with its {@code Authorization} header.
 */
final class FakeRegistry implements Closeable {
  /** One received request. */
  record Request(
      String method, String pathAndQuery, String authorization, String contentRange, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final java.util.Set<java.net.InetSocketAddress> clients =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake registry for a field initializer, where a checked exception cannot be thrown. */
  static FakeRegistry start() {
    try {
      return new FakeRegistry();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake registry on loopback", e);
    }
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Handles requests whose path starts with {@code prefix}; the longest prefix wins. */
  FakeRegistry on(String prefix, HttpHandler handler) {
    handlers.put(prefix, handler);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Returns how many client connections sent requests: each has its own address and port. */
  int connections() {
    return clients.size();
  }

  long count(String method, String pathPrefix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.pathAndQuery().startsWith(pathPrefix))
        .count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      byte[] body = exchange.getRequestBody().readAllBytes();
      clients.add(exchange.getRemoteAddress());
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              query == null ? path : path + "?" + query,
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("Content-Range"),
              body));
      HttpHandler best = null;
      int bestLength = -1;
      for (Map.Entry<String, HttpHandler> entry : handlers.entrySet()) {
        if (path.startsWith(entry.getKey()) && entry.getKey().length() > bestLength) {
          best = entry.getValue();
          bestLength = entry.getKey().length();
        }
      }
      if (best == null) {
        exchange.sendResponseHeaders(path.equals("/v2/") ? 200 : 404, -1);
        return;
      }
      best.handle(exchange);
    }
  }

  /** Sends {@code body} with {@code status} and the given headers. */
  static void respond(HttpExchange exchange, int status, byte[] body, String... headers)
      throws IOException {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
