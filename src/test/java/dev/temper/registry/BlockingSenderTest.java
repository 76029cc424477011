package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link BlockingSender} against {@link FakeRegistry}, a scripted server on loopback, for
 * the responses the real distribution server gives only in rare states.
 */
class BlockingSenderTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final FakeRegistry server = FakeRegistry.start();
  private final CountDownLatch release = new CountDownLatch(1);
  private final BlockingSender sender =
      new BlockingSender(
          TIMEOUT,
          () -> {
            throw new AssertionError("no HTTPS request is sent in these tests");
          });

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private Request request(String method, String path, RequestBody body, String... headers) {
    return request(method, path, body, TIMEOUT, headers);
  }

  private Request request(
      String method, String path, RequestBody body, Duration timeout, String... headers) {
    Headers.Builder fields = new Headers.Builder();
    for (int i = 0; i < headers.length; i += 2) {
      fields.add(headers[i], headers[i + 1]);
    }
    URI uri = URI.create("http://" + server.host() + path);
    return new Request(method, uri, fields.build(), body, timeout);
  }

  @Test
  void streamedBodyMetByChallengeKeepsStatusAndHeaders() throws Exception {
    server.on(
        "/v2/repo/blobs/uploads/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Bearer realm=\"http://127.0.0.1/token\",service=\"test\""));

    Response response =
        sender.send(
            request(
                "PUT",
                "/v2/repo/blobs/uploads/session?digest=sha256:00",
                RequestBody.of(new byte[64 * 1024])));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .contains("Bearer realm=\"http://127.0.0.1/token\",service=\"test\"");
    assertThat(server.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.body()).hasSize(65536));
  }

  @Test
  void challengeToUploadKeepsErrorBody() throws Exception {
    byte[] error = "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8);
    server.on(
        "/v2/repo/blobs/uploads/",
        exchange ->
            FakeRegistry.respond(exchange, 401, error, "WWW-Authenticate", "Basic realm=\"x\""));

    Response response =
        sender.send(
            request(
                "PUT",
                "/v2/repo/blobs/uploads/session?digest=sha256:00",
                RequestBody.of(new byte[1024])));

    assertThat(response.statusCode()).isEqualTo(401);
    try (InputStream body = response.body()) {
      assertThat(body.readAllBytes()).isEqualTo(error);
    }
  }

  @Test
  void errorStatusKeepsItsBody() throws Exception {
    byte[] error = "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8);
    server.on("/v2/repo/blobs/", exchange -> FakeRegistry.respond(exchange, 404, error));

    Response response = sender.send(request("GET", "/v2/repo/blobs/sha256:00", RequestBody.EMPTY));

    assertThat(response.statusCode()).isEqualTo(404);
    try (InputStream body = response.body()) {
      assertThat(body.readAllBytes()).isEqualTo(error);
    }
  }

  @Test
  void headReturnsHeadersWithoutBody() throws Exception {
    server.on(
        "/v2/repo/blobs/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Length", "1234");
          exchange.getResponseHeaders().add("Docker-Content-Digest", "sha256:00");
          exchange.sendResponseHeaders(200, -1);
        });

    Response response = sender.send(request("HEAD", "/v2/repo/blobs/sha256:00", RequestBody.EMPTY));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("content-length")).hasValue(1234);
    assertThat(response.headers().firstValue("Docker-Content-Digest")).contains("sha256:00");
    try (InputStream body = response.body()) {
      assertThat(body.readAllBytes()).isEmpty();
    }
  }

  @Test
  void repeatedResponseHeadersKeepTheirOrder() throws Exception {
    server.on(
        "/v2/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Basic realm=\"one\"",
                "WWW-Authenticate",
                "Bearer realm=\"http://127.0.0.1/token\""));

    Response response = sender.send(request("GET", "/v2/", RequestBody.EMPTY));

    assertThat(response.headers().allValues("WWW-Authenticate"))
        .containsExactly("Basic realm=\"one\"", "Bearer realm=\"http://127.0.0.1/token\"");
  }

  @Test
  void requestHeadersAndBodyArriveUnchanged() throws Exception {
    server.on("/v2/repo/manifests/", exchange -> FakeRegistry.respond(exchange, 201, new byte[0]));
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);

    Response response =
        sender.send(
            request(
                "PUT",
                "/v2/repo/manifests/1",
                RequestBody.of(manifest),
                "Authorization",
                "Bearer token-value"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(server.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("PUT");
              assertThat(r.authorization()).isEqualTo("Bearer token-value");
              assertThat(r.body()).isEqualTo(manifest);
            });
  }

  @Test
  void emptyPutAnnouncesZeroLength() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> length =
        new java.util.concurrent.atomic.AtomicReference<>();
    server.on(
        "/v2/repo/blobs/uploads/",
        exchange -> {
          length.set(exchange.getRequestHeaders().getFirst("Content-Length"));
          FakeRegistry.respond(exchange, 201, new byte[0]);
        });

    Response response =
        sender.send(
            request("PUT", "/v2/repo/blobs/uploads/session?digest=sha256:00", RequestBody.EMPTY));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(length.get()).isEqualTo("0");
  }

  @Test
  void failingRequestBodyIsReportedWithItsCause() {
    server.on(
        "/v2/repo/blobs/uploads/", exchange -> FakeRegistry.respond(exchange, 201, new byte[0]));
    RequestBody failing =
        new RequestBody() {
          @Override
          public long contentLength() {
            return 10;
          }

          @Override
          public InputStream open() throws IOException {
            throw new IOException("layer file vanished");
          }
        };

    assertThatThrownBy(() -> sender.send(request("PUT", "/v2/repo/blobs/uploads/session", failing)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("layer file vanished");
  }

  @Test
  void interruptedReaderStopsReadingTheBody() throws Exception {
    server.on("/v2/repo/blobs/", this::sendHalfAndWait);
    Response response = sender.send(request("GET", "/v2/repo/blobs/sha256:00", RequestBody.EMPTY));

    try (InputStream body = response.body()) {
      assertThat(body.readNBytes(4)).hasSize(4);
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> body.read(new byte[4])).isInstanceOf(InterruptedIOException.class);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void stalledBodyFailsAfterTheRequestTimeout() throws Exception {
    server.on("/v2/repo/blobs/", this::sendHalfAndWait);
    Response response =
        sender.send(
            request("GET", "/v2/repo/blobs/sha256:00", RequestBody.EMPTY, Duration.ofMillis(200)));

    try (InputStream body = response.body()) {
      assertThatThrownBy(body::readAllBytes).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void shortBodyFailsAtItsEnd() throws Exception {
    server.on(
        "/v2/repo/blobs/",
        exchange -> {
          exchange.sendResponseHeaders(200, 8);
          OutputStream out = exchange.getResponseBody();
          out.write(new byte[] {1, 2, 3});
          out.flush();
          // Throwing out of the handler makes HttpServer close the connection mid-body.
          throw new IOException("cutting the connection, as the test requests");
        });
    Response response = sender.send(request("GET", "/v2/repo/blobs/sha256:00", RequestBody.EMPTY));

    try (InputStream body = response.body()) {
      assertThatThrownBy(body::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessage("the response body ended early, after 3 of 8 bytes");
    }
  }

  /** Sends {@code response} to each connection after reading its request head, then closes. */
  private static RawServer answering(String response) throws IOException {
    return new RawServer(
        0,
        (socket, number) -> {
          RawServer.readHead(socket.getInputStream());
          socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
          socket.getOutputStream().flush();
        });
  }

  /**
   * Responds with {@code response} to every request of a connection, until the client closes it.
   */
  private static RawServer keepAnswering(String response) throws IOException {
    return new RawServer(
        0,
        (socket, number) -> {
          while (RawServer.readHead(socket.getInputStream()) != null) {
            socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
          }
        });
  }

  private Response get(RawServer raw) throws IOException {
    return get(raw, TIMEOUT);
  }

  private Response get(RawServer raw, Duration timeout) throws IOException {
    return sender.send(
        new Request(
            "GET",
            URI.create("http://" + raw.host() + "/v2/"),
            Headers.NONE,
            RequestBody.EMPTY,
            timeout));
  }

  /**
   * Sends {@code start} to each connection after reading its request head, then {@code unit} every
   * 20 ms, 200 times.
   */
  private static RawServer trickling(String start, byte[] unit) throws IOException {
    return new RawServer(
        0,
        (socket, number) -> {
          RawServer.readHead(socket.getInputStream());
          OutputStream out = socket.getOutputStream();
          out.write(start.getBytes(StandardCharsets.ISO_8859_1));
          try {
            for (int i = 0; i < 200; i++) {
              out.write(unit);
              out.flush();
              Thread.sleep(20);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void chunkedBodyIsDecoded() throws Exception {
    try (RawServer raw =
        answering(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n")) {
      Response response = get(raw);

      try (InputStream body = response.body()) {
        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("hello world");
      }
    }
  }

  @Test
  void conflictingContentLengthsAreRejected() throws Exception {
    try (RawServer raw =
        answering("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde")) {
      assertThatThrownBy(() -> get(raw))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("the response has conflicting Content-Length values");
    }
  }

  @Test
  void oversizedResponseHeadIsRejected() throws Exception {
    String huge = "x".repeat(ResponseHead.MAX_HEAD_BYTES);
    try (RawServer raw = answering("HTTP/1.1 200 OK\r\nX-Big: " + huge + "\r\n\r\n")) {
      assertThatThrownBy(() -> get(raw))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("the response head is larger than the limit of 262144 bytes");
    }
  }

  @Test
  void malformedStatusLineIsRejected() throws Exception {
    try (RawServer raw = answering("SSH-2.0-OpenSSH\r\n\r\n")) {
      assertThatThrownBy(() -> get(raw))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("the response has no valid status line");
    }
  }

  @Test
  void interimResponsesAreSkippedAndFoldedLinesJoined() throws Exception {
    try (RawServer raw =
        answering(
            "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nX-Note: first\r\n  second\r\nContent-Length: 2\r\n\r\n"
                + "{}")) {
      Response response = get(raw);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("x-note")).contains("first second");
      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).hasSize(2);
      }
    }
  }

  @Test
  void keptConnectionServesNextRequest() throws Exception {
    server.on(
        "/v2/repo/blobs/",
        exchange -> FakeRegistry.respond(exchange, 200, "abc".getBytes(StandardCharsets.UTF_8)));

    for (int i = 0; i < 3; i++) {
      Response response =
          sender.send(request("GET", "/v2/repo/blobs/sha256:00", RequestBody.EMPTY));
      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).hasSize(3);
      }
    }

    assertThat(server.requests()).hasSize(3);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void connectionClosedWhileIdleIsReplaced() throws Exception {
    // Each connection serves one request and closes, as a server whose keep-alive ended does.
    try (RawServer raw = answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
      for (int i = 0; i < 3; i++) {
        try (InputStream body = get(raw).body()) {
          assertThat(body.readAllBytes()).hasSize(2);
        }
      }
    }
  }

  @Test
  void equalLengthListBecomesOneNumber() throws Exception {
    try (RawServer raw = answering("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok")) {
      Response response = get(raw);

      assertThat(response.headers().allValues("Content-Length")).containsExactly("2");
      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).hasSize(2);
      }
    }
  }

  @Test
  void chunksOverrideContentLength() throws Exception {
    try (RawServer raw =
        answering(
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n")) {
      Response response = get(raw);

      assertThat(response.headers().allValues("Content-Length")).isEmpty();
      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).hasSize(2);
      }
    }
  }

  @Test
  void unsupportedTransferEncodingIsRejected() throws Exception {
    try (RawServer raw =
        answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")) {
      assertThatThrownBy(() -> get(raw))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("the response uses an unsupported Transfer-Encoding: gzip, chunked");
    }
  }

  @Test
  void statusOutsideHttpRangeIsRejected() throws Exception {
    for (String status : List.of("600 Odd", "101 Switching Protocols", "099 Low")) {
      try (RawServer raw = answering("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")) {
        assertThatThrownBy(() -> get(raw))
            .as(status)
            .isInstanceOf(ProtocolException.class)
            .hasMessage("the response has no valid status line");
      }
    }
  }

  @Test
  void unsolicitedBytesRetireTheConnection() throws Exception {
    // Each response is followed by a second one that no request asked for.
    try (RawServer raw =
        keepAnswering(
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")) {
      for (int i = 0; i < 2; i++) {
        Response response = get(raw);
        try (InputStream body = response.body()) {
          assertThat(body.readAllBytes()).hasSize(2);
        }
        assertThat(response.statusCode()).isEqualTo(200);
      }

      assertThat(raw.accepted()).isEqualTo(2);
    }
  }

  @Test
  void http10ConnectionIsKeptOnlyWhenAsked() throws Exception {
    try (RawServer closing = keepAnswering("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
        RawServer keeping =
            keepAnswering(
                "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok")) {
      for (RawServer raw : List.of(closing, keeping)) {
        for (int i = 0; i < 2; i++) {
          try (InputStream body = get(raw).body()) {
            assertThat(body.readAllBytes()).hasSize(2);
          }
        }
      }

      assertThat(closing.accepted()).isEqualTo(2);
      assertThat(keeping.accepted()).isEqualTo(1);
    }
  }

  @Test
  void headSentByteByByteTimesOut() throws Exception {
    try (RawServer raw = trickling("HTTP/1.1 200 OK\r\n", new byte[] {'x'})) {
      assertThatThrownBy(() -> get(raw, Duration.ofMillis(300)))
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessage("the response head did not arrive in time");
    }
  }

  @Test
  void bodyTrickleFailsAsTooSlow() throws Exception {
    try (RawServer raw =
        trickling("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", new byte[10])) {
      Response response = get(raw, Duration.ofMillis(300));

      try (InputStream body = response.body()) {
        assertThatThrownBy(body::readAllBytes)
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessageStartingWith("the response body arrived too slowly: ");
      }
    }
  }

  @Test
  void silentTlsServerTimesOutAsHandshake() throws Exception {
    try (RawServer silent =
        new RawServer(
            0,
            (socket, number) -> {
              try {
                Thread.sleep(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })) {
      URI https = URI.create("https://" + silent.host() + "/v2/");

      assertThatThrownBy(
              () ->
                  HttpConnection.open(
                      https,
                      Duration.ofMillis(300),
                      () ->
                          (javax.net.ssl.SSLSocketFactory)
                              javax.net.ssl.SSLSocketFactory.getDefault()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
          .hasMessage(
              "the TLS handshake timed out after 300 ms; the server may not speak TLS on this port");
    }
  }

  @Test
  void requestHeaderWithLineBreakIsRejected() {
    Request injected =
        new Request(
            "GET",
            URI.create("http://" + server.host() + "/v2/"),
            new Headers.Builder().add("Authorization", "Bearer x\r\nX-Injected: 1").build(),
            RequestBody.EMPTY,
            TIMEOUT);

    assertThatThrownBy(() -> sender.send(injected))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("the request header Authorization contains a line break");
  }

  @Test
  void unreadUploadTimesOut() throws Exception {
    // A mock that reads the request head and then nothing more, with a small receive buffer.
    try (RawServer stalled = new RawServer(4096, this::readHeadAndWait)) {
      Request upload =
          new Request(
              "PUT",
              URI.create("http://" + stalled.host() + "/v2/repo/blobs/uploads/1"),
              Headers.NONE,
              StreamBody.range(() -> new ZeroStream(), 0, 1L << 30, "a 1 GiB blob of zeros"),
              Duration.ofMillis(200));
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<?> sent = caller.submit(() -> sender.send(upload));

        // The server keeps the connection open until the test ends, so only the sender can end the
        // wait.
        assertThatThrownBy(() -> sent.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessage(
                "sending the request body timed out: the server read none of it for 200 ms");
      } finally {
        caller.shutdownNow();
      }
    }
  }

  @Test
  void patchSendsItsBodyWithLength() throws Exception {
    server.on(
        "/v2/repo/blobs/uploads/",
        exchange -> FakeRegistry.respond(exchange, 202, new byte[0], "Range", "0-3"));
    Request patch =
        new Request(
            "PATCH",
            URI.create("http://" + server.host() + "/v2/repo/blobs/uploads/1"),
            new Headers.Builder().add("Content-Range", "0-3").build(),
            RequestBody.of(new byte[] {1, 2, 3, 4}),
            TIMEOUT);

    Response response = sender.send(patch);
    response.body().close();

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(server.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("PATCH");
              assertThat(r.contentRange()).isEqualTo("0-3");
              assertThat(r.body()).containsExactly(1, 2, 3, 4);
            });
  }

  private void readHeadAndWait(java.net.Socket socket, int number) throws IOException {
    RawServer.readHead(socket.getInputStream());
    try {
      release.await(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An endless stream of zero bytes. */
  private static final class ZeroStream extends InputStream {
    @Override
    public int read() {
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      java.util.Arrays.fill(buffer, offset, offset + length, (byte) 0);
      return length;
    }
  }

  /** Announces 8 bytes, sends 4, and keeps the connection open until the test ends. */
  private void sendHalfAndWait(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 8);
    OutputStream out = exchange.getResponseBody();
    out.write(new byte[] {1, 2, 3, 4});
    out.flush();
    try {
      release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
