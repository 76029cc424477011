package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.cache.RetryPolicy;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that a real registry does not produce on demand, played by {@link FakeRegistry}, a mock
 * HTTP server on loopback: wrong content, oversized manifests, redirects to another host, broken
 * challenges, rate limiting, cut connections and expired upload sessions.
 */
class RegistryFaultTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);

  @TempDir Path temp;
  private final FakeRegistry registry = FakeRegistry.start();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryClient client(CredentialSource credentials) throws Exception {
    RegistrySettings settings =
        RegistrySettings.defaults()
            .withRetries(
                new RetryPolicy(
                    4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)),
                sleeps::add)
            .withChunkSize(10);
    return new Registries(settings, credentials, DownloadListener.NONE)
        .open(new Repository(registry.host(), "fault/repo"));
  }

  private ContentCache cache() {
    return new ContentCache(temp.resolve("cache"), Clock.systemUTC());
  }

  private static Descriptor blob(byte[] content) {
    return Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(content), content.length);
  }

  @Test
  void wrongBlobContentIsRejected() throws Exception {
    byte[] content = "the real layer".getBytes(StandardCharsets.UTF_8);
    byte[] forged = "a forged layer".getBytes(StandardCharsets.UTF_8);
    Descriptor layer = blob(content);
    registry.on("/v2/fault/repo/blobs/", exchange -> FakeRegistry.respond(exchange, 200, forged));
    ContentCache cache = cache();

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullBlob(layer, cache))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining(
            "pull blob " + layer.digest() + " on " + registry.host() + "/fault/repo failed")
        .hasMessageContaining("SHA-256 mismatch")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.INTEGRITY);
    assertThat(cache.find(layer.digest().hex())).isEmpty();
    assertThat(filesUnder(temp.resolve("cache"))).isEmpty();
    assertThat(registry.count("GET", "/v2/fault/repo/blobs/")).isEqualTo(1);
  }

  @Test
  void shortAnnouncedBlobFailsAtOnce() throws Exception {
    byte[] content = "the whole layer".getBytes(StandardCharsets.UTF_8);
    Descriptor layer = blob(content);
    registry.on(
        "/v2/fault/repo/blobs/",
        exchange ->
            FakeRegistry.respond(exchange, 200, "the whole".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullBlob(layer, cache()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("size mismatch, expected 15 bytes but the registry announced 9")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.INTEGRITY);
    assertThat(registry.count("GET", "/v2/fault/repo/blobs/")).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void manifestOverFourMebibytesIsRejectedUnread() throws Exception {
    byte[] huge = new byte[(4 << 20) + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    registry.on(
        "/v2/fault/repo/manifests/announced",
        exchange ->
            FakeRegistry.respond(exchange, 200, huge, "Content-Type", MediaTypes.OCI_MANIFEST));
    registry.on(
        "/v2/fault/repo/manifests/chunked",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(huge);
          } catch (IOException clientClosed) {
            // The client stops reading after the limit.
          }
        });
    RegistryClient client = client(CredentialSource.ANONYMOUS);

    assertThatThrownBy(() -> client.pullManifest("announced"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith("the manifest has 4194305 bytes, over the limit of 4194304 bytes");
    assertThatThrownBy(() -> client.pullManifest("chunked"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "the manifest has more than 4194304 bytes, over the limit of 4194304 bytes");
  }

  @Test
  void manifestMediaTypeMustMatchContentType() throws Exception {
    TestImage image = TestImage.single(AMD64, "x");
    registry.on(
        "/v2/fault/repo/manifests/",
        exchange ->
            FakeRegistry.respond(
                exchange, 200, image.root(), "Content-Type", MediaTypes.DOCKER_MANIFEST));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "the Content-Type '"
                + MediaTypes.DOCKER_MANIFEST
                + "' does not match the manifest's mediaType '"
                + MediaTypes.OCI_MANIFEST
                + "'");
  }

  @Test
  void digestHeaderIsNotTrustedAlone() throws Exception {
    TestImage image = TestImage.single(AMD64, "x");
    TestImage other = TestImage.single(AMD64, "y");
    registry.on(
        "/v2/fault/repo/manifests/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                200,
                other.root(),
                "Content-Type",
                MediaTypes.OCI_MANIFEST,
                "Docker-Content-Digest",
                image.digest().toString()));
    RegistryClient client = client(CredentialSource.ANONYMOUS);

    assertThatThrownBy(() -> client.pullManifest(image.digest().toString()))
        .hasMessageEndingWith(
            "digest mismatch, expected "
                + image.digest()
                + " but the content hashes to "
                + other.digest());
    assertThatThrownBy(() -> client.pullManifest("v1"))
        .hasMessageEndingWith(
            "the registry announced digest "
                + image.digest()
                + " but the content hashes to "
                + other.digest());
  }

  @Test
  void blobRedirectToOtherHostGetsNoCredentials() throws Exception {
    byte[] content = "redirected layer".getBytes(StandardCharsets.UTF_8);
    Descriptor layer = blob(content);
    try (FakeRegistry storage = new FakeRegistry()) {
      storage.on("/storage/", exchange -> FakeRegistry.respond(exchange, 200, content));
      registry.on(
          "/v2/",
          exchange -> {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
              FakeRegistry.respond(
                  exchange, 401, new byte[0], "WWW-Authenticate", "Basic realm=\"fake\"");
              return;
            }
            FakeRegistry.respond(
                exchange,
                307,
                new byte[0],
                "Location",
                "http://" + storage.host() + "/storage/layer?signature=abc");
          });

      Path pulled =
          client(CredentialSource.fixed(Credentials.basic("user", "s3cret")))
              .pullBlob(layer, cache());

      assertThat(Files.readAllBytes(pulled)).isEqualTo(content);
      assertThat(storage.requests()).hasSize(1);
      assertThat(storage.requests().get(0).authorization()).isNull();
      assertThat(registry.requests().get(registry.requests().size() - 1).authorization())
          .startsWith("Basic ");
    }
  }

  @Test
  void failedRedirectNamesItsHost() throws Exception {
    Descriptor layer = blob("never served".getBytes(StandardCharsets.UTF_8));
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String storage = "127.0.0.1:" + closedPort;
    registry.on("/v2/", exchange -> FakeRegistry.respond(exchange, 200, new byte[0]));
    registry.on(
        "/v2/fault/repo/blobs/",
        exchange ->
            FakeRegistry.respond(
                exchange, 307, new byte[0], "Location", "http://" + storage + "/layer?sig=secret"));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullBlob(layer, cache()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("gave up after 4 attempts")
        .hasMessageContaining(" from " + storage)
        .hasMessageNotContaining("secret");
  }

  @Test
  void malformedChallengeFailsClearly() throws Exception {
    registry.on(
        "/v2/fault/repo/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Bearer realm=\"http://127.0.0.1/token"));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "pull manifest of tag v1 on "
                + registry.host()
                + "/fault/repo failed (HTTP 401): malformed WWW-Authenticate challenge: unterminated quoted string")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.PROTOCOL);
  }

  /**
   * Serves {@code image} as the manifest of fault/repo to requests that carry the token {@code
   * granted}, which {@code /token} issues in {@code tokenJson}, and challenges the others.
   */
  private void serveBehindToken(TestImage image, String tokenJson, String challenge) {
    registry.on(
        "/token",
        exchange ->
            FakeRegistry.respond(exchange, 200, tokenJson.getBytes(StandardCharsets.UTF_8)));
    registry.on(
        "/v2/fault/repo/manifests/",
        exchange -> {
          if (!"Bearer granted".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", challenge);
            return;
          }
          FakeRegistry.respond(
              exchange, 200, image.root(), "Content-Type", MediaTypes.OCI_MANIFEST);
        });
  }

  @Test
  void bearerAfterNegotiateInOneHeaderIsUsed() throws Exception {
    TestImage image = TestImage.single(AMD64, "two challenges");
    serveBehindToken(
        image,
        "{\"token\":\"granted\"}",
        "Negotiate, Bearer realm=\"http://" + registry.host() + "/token\",service=\"fake\"");

    PulledManifest pulled = client(CredentialSource.ANONYMOUS).pullManifest("v1");

    assertThat(pulled.digest()).isEqualTo(image.digest());
    assertThat(registry.count("GET", "/token")).isEqualTo(1);
  }

  @Test
  void unsupportedSchemesAreNamed() throws Exception {
    registry.on(
        "/v2/fault/repo/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Negotiate",
                "WWW-Authenticate",
                "NTLM, Digest realm=\"x\", nonce=\"y\""));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "failed (HTTP 401): unsupported authentication scheme 'negotiate', 'ntlm', 'digest';"
                + " temper supports Basic and Bearer")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.UNAUTHORIZED);
  }

  @Test
  void quotedGarbageChallengeFailsAsProtocolError() throws Exception {
    registry.on(
        "/v2/fault/repo/",
        exchange -> FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", "\"\"\""));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "pull manifest of tag v1 on "
                + registry.host()
                + "/fault/repo failed (HTTP 401): malformed WWW-Authenticate challenge: expected an"
                + " authentication scheme at offset 0")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.PROTOCOL);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void emptyChallengeIsNamedAndKeepsPlainHttp() throws Exception {
    registry.on(
        "/v2/",
        exchange -> FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", ""));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "failed (HTTP 401): malformed WWW-Authenticate challenge: missing authentication"
                + " scheme");
  }

  @Test
  void longSchemeListIsClipped() throws Exception {
    StringBuilder schemes = new StringBuilder("X0");
    for (int i = 1; i < 15; i++) {
      schemes.append(", X").append(i);
    }
    registry.on(
        "/v2/fault/repo/",
        exchange ->
            FakeRegistry.respond(
                exchange, 401, new byte[0], "WWW-Authenticate", schemes.toString()));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "unsupported authentication scheme 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8',"
                + " 'x9' and 5 more; temper supports Basic and Bearer");
  }

  @Test
  void bearerWithoutRealmIsNamed() throws Exception {
    registry.on(
        "/v2/fault/repo/",
        exchange ->
            FakeRegistry.respond(
                exchange, 401, new byte[0], "WWW-Authenticate", "Bearer realm=, service=\"x\""));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "failed (HTTP 401): the Bearer challenge names no realm, so no token can be requested");
  }

  @Test
  void bearerAfterTwentyThousandChallengesIsUsed() throws Exception {
    // The JDK's HttpURLConnection, used before, ran out of memory parsing this header.
    TestImage image = TestImage.single(AMD64, "many challenges");
    StringBuilder challenges = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      challenges.append('X').append(i).append(", ");
    }
    challenges.append("Bearer realm=\"http://").append(registry.host()).append("/token\"");
    serveBehindToken(image, "{\"token\":\"granted\"}", challenges.toString());

    PulledManifest pulled = client(CredentialSource.ANONYMOUS).pullManifest("v1");

    assertThat(pulled.digest()).isEqualTo(image.digest());
  }

  @Test
  void plainServerThatIsNoRegistryKeepsPlainHttp() throws Exception {
    // A plain HTTP server on the wrong port, which has no /v2/ at all.
    registry.on("/v2/", exchange -> FakeRegistry.respond(exchange, 404, new byte[0]));
    RegistryClient client = client(CredentialSource.ANONYMOUS);

    assertThatThrownBy(() -> client.pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageNotContaining("TLS");
    assertThat(registry.count("GET", "/v2/fault/repo/manifests/v1")).isEqualTo(1);
  }

  @Test
  void busyLoopbackRegistryKeepsPlainHttp() throws Exception {
    TestImage image = TestImage.single(AMD64, "busy");
    AtomicInteger probes = new AtomicInteger();
    registry.on(
        "/v2/",
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals("/v2/")) {
            FakeRegistry.respond(
                exchange, 200, image.root(), "Content-Type", MediaTypes.OCI_MANIFEST);
          } else if (probes.incrementAndGet() == 1) {
            FakeRegistry.respond(exchange, 503, new byte[0]);
          } else {
            FakeRegistry.respond(exchange, 200, new byte[0]);
          }
        });
    // A short idle timeout, so that an HTTPS attempt at the plain server fails soon.
    RegistrySettings settings =
        RegistrySettings.defaults()
            .withRetries(RetryPolicy.DEFAULT, sleeps::add)
            .withIdleTimeout(Duration.ofSeconds(1));
    RegistryClient client =
        new Registries(settings, CredentialSource.ANONYMOUS, DownloadListener.NONE)
            .open(new Repository(registry.host(), "fault/repo"));

    assertThat(client.pullManifest("v1").digest()).isEqualTo(image.digest());
    assertThat(probes.get()).isEqualTo(1);
  }

  @Test
  void rateLimitStormRetriesBounded() throws Exception {
    registry.on(
        "/v2/fault/repo/manifests/",
        exchange -> FakeRegistry.respond(exchange, 429, new byte[0], "Retry-After", "7"));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "pull manifest of tag v1 on "
                + registry.host()
                + "/fault/repo failed (HTTP 429): gave up after 4 attempts, last error: HTTP 429")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.UNAVAILABLE);
    assertThat(registry.count("GET", "/v2/fault/repo/manifests/v1")).isEqualTo(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @Test
  void cutBlobConnectionIsRetried() throws Exception {
    byte[] content = new byte[200_000];
    new java.util.Random(3).nextBytes(content);
    Descriptor layer = blob(content);
    AtomicInteger attempts = new AtomicInteger();
    registry.on(
        "/v2/fault/repo/blobs/",
        exchange -> {
          if (attempts.incrementAndGet() == 1) {
            exchange.sendResponseHeaders(200, content.length);
            OutputStream out = exchange.getResponseBody();
            out.write(content, 0, 50_000);
            out.flush();
            // Throwing out of the handler makes HttpServer drop the connection mid-body.
            throw new IOException("cutting the connection, as the test requests");
          }
          FakeRegistry.respond(exchange, 200, content);
        });
    ContentCache cache = cache();

    Path pulled = client(CredentialSource.ANONYMOUS).pullBlob(layer, cache);

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(Files.readAllBytes(pulled)).isEqualTo(content);
    assertThat(filesUnder(temp.resolve("cache"))).containsExactly(pulled);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void cutTagListFailsAsRegistryError() throws Exception {
    byte[] tags =
        "{\"name\":\"fault/repo\",\"tags\":[\"v1\",\"v2\"]}".getBytes(StandardCharsets.UTF_8);
    registry.on(
        "/v2/fault/repo/tags/list",
        exchange -> {
          exchange.sendResponseHeaders(200, tags.length);
          OutputStream out = exchange.getResponseBody();
          out.write(tags, 0, tags.length / 2);
          out.flush();
          throw new IOException("cutting the connection, as the test requests");
        });
    RegistryClient client = client(CredentialSource.ANONYMOUS);

    assertThatThrownBy(client::listTags)
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("fault/repo")
        .hasMessageContaining("reading the response failed");
  }

  @Test
  void cutManifestBodyIsRetried() throws Exception {
    TestImage image = TestImage.single(AMD64, "cut manifest");
    byte[] manifest = image.root();
    AtomicInteger attempts = new AtomicInteger();
    registry.on(
        "/v2/fault/repo/manifests/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
          if (attempts.incrementAndGet() == 1) {
            exchange.sendResponseHeaders(200, manifest.length);
            OutputStream out = exchange.getResponseBody();
            out.write(manifest, 0, manifest.length / 2);
            out.flush();
            throw new IOException("cutting the connection, as the test requests");
          }
          FakeRegistry.respond(exchange, 200, manifest);
        });

    PulledManifest pulled = client(CredentialSource.ANONYMOUS).pullManifest("v1");

    assertThat(pulled.digest()).isEqualTo(image.digest());
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void expiredUploadSessionIsStartedAgain() throws Exception {
    byte[] content = "twenty-five bytes of blob".getBytes(StandardCharsets.UTF_8);
    Descriptor layer = blob(content);
    AtomicInteger sessions = new AtomicInteger();
    registry.on(
        "/v2/fault/repo/blobs/uploads/",
        exchange -> {
          String method = exchange.getRequestMethod();
          if (method.equals("POST")) {
            FakeRegistry.respond(
                exchange,
                202,
                new byte[0],
                "Location",
                "/v2/fault/repo/blobs/uploads/session-" + sessions.incrementAndGet());
          } else if (exchange.getRequestURI().getPath().endsWith("session-1")) {
            FakeRegistry.respond(
                exchange,
                404,
                "{\"errors\":[{\"code\":\"BLOB_UPLOAD_UNKNOWN\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
          } else if (method.equals("PATCH")) {
            FakeRegistry.respond(
                exchange, 202, new byte[0], "Location", exchange.getRequestURI().getPath());
          } else {
            FakeRegistry.respond(
                exchange, 201, new byte[0], "Docker-Content-Digest", layer.digest().toString());
          }
        });

    RegistryClient.PushOutcome outcome =
        client(CredentialSource.ANONYMOUS)
            .pushBlob(layer, BlobSource.ofBytes(content), Optional.empty());

    assertThat(outcome).isEqualTo(RegistryClient.PushOutcome.UPLOADED);
    assertThat(registry.count("POST", "/v2/fault/repo/blobs/uploads/")).isEqualTo(2);
    assertThat(registry.requests())
        .filteredOn(r -> r.method().equals("PATCH") && r.pathAndQuery().endsWith("session-2"))
        .extracting(FakeRegistry.Request::contentRange)
        .containsExactly("0-9", "10-19", "20-24");
    assertThat(registry.requests())
        .filteredOn(r -> r.method().equals("PATCH") && r.pathAndQuery().endsWith("session-2"))
        .extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
        .containsExactly("twenty-fiv", "e bytes of", " blob");
    assertThat(registry.requests())
        .filteredOn(r -> r.method().equals("PUT"))
        .extracting(FakeRegistry.Request::pathAndQuery)
        .containsExactly(
            "/v2/fault/repo/blobs/uploads/session-2?digest="
                + layer.digest().toString().replace(":", "%3A"));
  }

  /** Serves upload sessions that accept every chunk and the closing PUT of {@code layer}. */
  private void acceptUploads(Descriptor layer) {
    registry.on(
        "/v2/fault/repo/blobs/uploads/",
        exchange -> {
          String method = exchange.getRequestMethod();
          if (method.equals("POST")) {
            FakeRegistry.respond(
                exchange, 202, new byte[0], "Location", "/v2/fault/repo/blobs/uploads/session");
          } else if (method.equals("PATCH")) {
            FakeRegistry.respond(
                exchange, 202, new byte[0], "Location", exchange.getRequestURI().getPath());
          } else {
            FakeRegistry.respond(
                exchange, 201, new byte[0], "Docker-Content-Digest", layer.digest().toString());
          }
        });
  }

  /** Returns a source whose reads fail after {@code good} bytes of {@code content}. */
  private static BlobSource failingAfter(byte[] content, int good) {
    return () ->
        new java.io.InputStream() {
          private int position;

          @Override
          public int read() throws IOException {
            if (position >= good) {
              throw new IOException("disk read failed");
            }
            return content[position++] & 0xff;
          }
        };
  }

  @Test
  void unreadableUploadSourceIsNoNetworkFailure() throws Exception {
    byte[] content = "twenty-five bytes of blob".getBytes(StandardCharsets.UTF_8);
    Descriptor layer = blob(content);
    acceptUploads(layer);
    RegistryClient whole =
        new Registries(
                RegistrySettings.defaults().withRetries(RetryPolicy.DEFAULT, sleeps::add),
                CredentialSource.ANONYMOUS,
                DownloadListener.NONE)
            .open(new Repository(registry.host(), "fault/repo"));

    // One PUT for the whole blob, over HttpURLConnection, and PATCH chunks of 10 bytes, over the
    // JDK's HTTP client.
    assertThatThrownBy(() -> whole.uploadBlob(layer, failingAfter(content, 12)))
        .isInstanceOf(BodySourceException.class)
        .hasMessage("cannot read blob " + layer.digest() + ": disk read failed");
    assertThatThrownBy(
            () -> client(CredentialSource.ANONYMOUS).uploadBlob(layer, failingAfter(content, 12)))
        .isInstanceOf(BodySourceException.class)
        .hasMessage("cannot read blob " + layer.digest() + ": disk read failed");
    // No retry: a retry would have slept first.
    assertThat(sleeps).isEmpty();
  }

  @Test
  void truncatedUploadSourceIsNamed() throws Exception {
    byte[] content = "twenty-five bytes of blob".getBytes(StandardCharsets.UTF_8);
    Descriptor layer = blob(content);
    acceptUploads(layer);
    BlobSource truncated = BlobSource.ofBytes("twenty-five".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> client(CredentialSource.ANONYMOUS).uploadBlob(layer, truncated))
        .isInstanceOf(BodySourceException.class)
        .hasMessage("blob " + layer.digest() + " ended after 11 of 20 bytes");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void rejectedCachedTokenIsFetchedAgain() throws Exception {
    TestImage image = TestImage.single(AMD64, "token refresh");
    AtomicInteger issued = new AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<String> valid =
        new java.util.concurrent.atomic.AtomicReference<>("Bearer token-1");
    registry.on(
        "/token",
        exchange ->
            FakeRegistry.respond(
                exchange,
                200,
                ("{\"token\":\"token-" + issued.incrementAndGet() + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
    registry.on(
        "/v2/fault/repo/manifests/",
        exchange -> {
          if (!valid.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Bearer realm=\"http://"
                    + registry.host()
                    + "/token\",service=\"fake\",scope=\"repository:fault/repo:pull\"");
            return;
          }
          FakeRegistry.respond(
              exchange, 200, image.root(), "Content-Type", MediaTypes.OCI_MANIFEST);
        });
    RegistryClient client = client(CredentialSource.ANONYMOUS);

    client.pullManifest("v1");
    client.pullManifest("v1");
    valid.set("Bearer token-2");
    PulledManifest refreshed = client.pullManifest("v1");

    assertThat(refreshed.digest()).isEqualTo(image.digest());
    assertThat(issued.get()).isEqualTo(2);
    assertThat(registry.requests())
        .filteredOn(r -> r.pathAndQuery().startsWith("/token"))
        .extracting(FakeRegistry.Request::pathAndQuery)
        .containsExactly(
            "/token?service=fake&scope=repository%3Afault%2Frepo%3Apull",
            "/token?service=fake&scope=repository%3Afault%2Frepo%3Apull");
  }

  @Test
  void referrersApiIsUsedWhenOffered() throws Exception {
    Digest subject = Digest.sha256("subject".getBytes(StandardCharsets.UTF_8));
    Descriptor referrer =
        Descriptor.of(
                MediaTypes.OCI_MANIFEST, Digest.sha256("sig".getBytes(StandardCharsets.UTF_8)), 3)
            .withArtifactType("application/vnd.example.sig");
    byte[] index =
        dev.temper.oci.OciJson.write(
            dev.temper.oci.ImageIndex.oci(List.of(referrer), java.util.Map.of()));
    registry.on(
        "/v2/fault/repo/referrers/",
        exchange ->
            FakeRegistry.respond(exchange, 200, index, "Content-Type", MediaTypes.OCI_INDEX));

    assertThat(client(CredentialSource.ANONYMOUS).listReferrers(subject)).containsExactly(referrer);
    assertThat(registry.count("GET", "/v2/fault/repo/manifests/")).isZero();
  }

  @Test
  void identityTokenIsPostedAsRefreshToken() throws Exception {
    TestImage image = TestImage.single(AMD64, "identity");
    serveBehindToken(
        image,
        "{\"access_token\":\"granted\"}",
        "Bearer realm=\"http://" + registry.host() + "/token\",service=\"fake\"");

    PulledManifest pulled =
        client(CredentialSource.fixed(Credentials.identity("refresh-123"))).pullManifest("v1");

    assertThat(pulled.digest()).isEqualTo(image.digest());
    assertThat(registry.requests())
        .filteredOn(r -> r.pathAndQuery().startsWith("/token"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.authorization()).isNull();
              assertThat(new String(r.body(), StandardCharsets.UTF_8))
                  .isEqualTo(
                      "service=fake&scope=repository%3Afault%2Frepo%3Apull&grant_type=refresh_token&refresh_token=refresh-123&client_id=temper");
            });
  }

  @Test
  void invalidTagInListIsRejected() throws Exception {
    for (String tags : List.of("[\"v1\",null]", "[\"v1\",5]", "[\"../x\"]", "[\"\"]")) {
      registry.on(
          "/v2/fault/repo/tags/list",
          exchange ->
              FakeRegistry.respond(
                  exchange, 200, ("{\"tags\":" + tags + "}").getBytes(StandardCharsets.UTF_8)));
      RegistryClient client = client(CredentialSource.ANONYMOUS);

      assertThatThrownBy(client::listTags)
          .as(tags)
          .isInstanceOf(RegistryException.class)
          .hasMessageEndingWith(" of the tag list is not a valid tag")
          .extracting(e -> ((RegistryException) e).reason())
          .isEqualTo(RegistryException.Reason.PROTOCOL);
    }
  }

  @Test
  void tagsFieldThatIsNoListIsRejected() throws Exception {
    registry.on(
        "/v2/fault/repo/tags/list",
        exchange ->
            FakeRegistry.respond(
                exchange, 200, "{\"tags\":\"v1\"}".getBytes(StandardCharsets.UTF_8)));
    RegistryClient client = client(CredentialSource.ANONYMOUS);

    assertThatThrownBy(client::listTags)
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith("the tag list's tags field is not a list");
  }

  @Test
  void nullTagsAreAnEmptyList() throws Exception {
    registry.on(
        "/v2/fault/repo/tags/list",
        exchange ->
            FakeRegistry.respond(
                exchange,
                200,
                "{\"name\":\"fault/repo\",\"tags\":null}".getBytes(StandardCharsets.UTF_8)));

    assertThat(client(CredentialSource.ANONYMOUS).listTags()).isEmpty();
  }

  @Test
  void tagPagesAreFollowedInOrder() throws Exception {
    registry.on(
        "/v2/fault/repo/tags/list",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          if (query.contains("last=b")) {
            FakeRegistry.respond(
                exchange,
                200,
                "{\"name\":\"fault/repo\",\"tags\":[\"c\"]}".getBytes(StandardCharsets.UTF_8));
          } else {
            FakeRegistry.respond(
                exchange,
                200,
                "{\"name\":\"fault/repo\",\"tags\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8),
                "Link",
                "</v2/fault/repo/tags/list?last=b&n=2>; rel=\"next\"");
          }
        });

    assertThat(client(CredentialSource.ANONYMOUS).listTags()).containsExactly("a", "b", "c");
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
