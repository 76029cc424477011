package dev.temper.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cache.DownloadListener;
import dev.temper.cli.Main;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the requests of an upload on {@link FakeRegistry}, a mock HTTP server on loopback, which
 * records every request; the real distribution server keeps no such count.
 */
class BlobUploadRequestsTest {
  private static final byte[] CONTENT = "blob content".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor LAYER =
      Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(CONTENT), CONTENT.length);

  private static final TestImage IMAGE = image();

  private final FakeRegistry registry = FakeRegistry.start();

  @TempDir Path temp;

  @AfterEach
  void stop() {
    registry.close();
  }

  private static TestImage image() {
    try {
      // Random bytes, so the gzipped layer stays larger than the 1 KiB chunks.
      byte[] noise = new byte[4096];
      new java.util.Random(7).nextBytes(noise);
      return TestImage.ofLayer(
          new Platform("linux", "amd64", null), TestImage.gzip(TestImage.tar("noise", noise)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private RegistryClient client() throws Exception {
    return new Registries(
            RegistrySettings.defaults(), CredentialSource.ANONYMOUS, DownloadListener.NONE)
        .open(new Repository(registry.host(), "up/repo"));
  }

  private void acceptUploads() {
    registry.on("/v2/", exchange -> FakeRegistry.respond(exchange, 200, new byte[0]));
    registry.on(
        "/v2/up/repo/blobs/sha256:", exchange -> FakeRegistry.respond(exchange, 404, new byte[0]));
    registry.on(
        "/v2/up/repo/blobs/uploads/",
        exchange -> {
          if (exchange.getRequestMethod().equals("POST")) {
            FakeRegistry.respond(
                exchange, 202, new byte[0], "Location", "/v2/up/repo/blobs/uploads/session");
          } else {
            FakeRegistry.respond(
                exchange, 201, new byte[0], "Docker-Content-Digest", LAYER.digest().toString());
          }
        });
  }

  @Test
  void uploadAfterCheckAsksOnce() throws Exception {
    acceptUploads();
    RegistryClient client = client();

    assertThat(client.hasBlob(LAYER.digest())).isFalse();
    RegistryClient.PushOutcome outcome = client.uploadBlob(LAYER, BlobSource.ofBytes(CONTENT));

    assertThat(outcome).isEqualTo(RegistryClient.PushOutcome.UPLOADED);
    assertThat(registry.count("HEAD", "/v2/up/repo/blobs/")).isEqualTo(1);
    assertThat(registry.count("POST", "/v2/up/repo/blobs/uploads/")).isEqualTo(1);
    assertThat(registry.count("PUT", "/v2/up/repo/blobs/uploads/session")).isEqualTo(1);
  }

  @Test
  void pushChecksBeforeUploading() throws Exception {
    acceptUploads();

    client().pushBlob(LAYER, BlobSource.ofBytes(CONTENT), Optional.empty());

    assertThat(registry.count("HEAD", "/v2/up/repo/blobs/")).isEqualTo(1);
    assertThat(registry.count("PUT", "/v2/up/repo/blobs/uploads/session")).isEqualTo(1);
  }

  /**
   * Accepts uploads in any number of chunks and any manifest, and responds with the digest of each.
   */
  private void acceptChunkedUploads() {
    registry.on("/v2/", exchange -> FakeRegistry.respond(exchange, 200, new byte[0]));
    registry.on(
        "/v2/up/repo/blobs/sha256:", exchange -> FakeRegistry.respond(exchange, 404, new byte[0]));
    registry.on(
        "/v2/up/repo/blobs/uploads/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          if (exchange.getRequestMethod().equals("PUT")) {
            String digest = URLDecoder.decode(query.substring("digest=".length()), UTF_8);
            FakeRegistry.respond(exchange, 201, new byte[0], "Docker-Content-Digest", digest);
          } else {
            FakeRegistry.respond(
                exchange, 202, new byte[0], "Location", "/v2/up/repo/blobs/uploads/session");
          }
        });
    registry.on(
        "/v2/up/repo/manifests/",
        exchange -> {
          byte[] manifest = registry.requests().get(registry.requests().size() - 1).body();
          FakeRegistry.respond(
              exchange,
              201,
              new byte[0],
              "Docker-Content-Digest",
              Digest.sha256(manifest).toString());
        });
  }

  @Test
  void pushSendsEachBlobInOneRequestByDefault() throws Exception {
    acceptChunkedUploads();
    Path layout = imageLayout();

    int code = push("oci:" + layout + ":v1", registry.host() + "/up/repo:v1");

    assertThat(code).isZero();
    assertThat(registry.count("PATCH", "/v2/up/repo/blobs/uploads/")).isZero();
    assertThat(registry.count("PUT", "/v2/up/repo/blobs/uploads/session")).isEqualTo(2);
  }

  @Test
  void chunkSizeOptionSplitsLargerBlobs() throws Exception {
    acceptChunkedUploads();
    Path layout = imageLayout();
    long layerSize = IMAGE.layers().get(0).size();

    int code =
        push("--chunk-size", "1KiB", "oci:" + layout + ":v1", registry.host() + "/up/repo:v1");

    assertThat(code).isZero();
    assertThat(layerSize).isGreaterThan(1024);
    assertThat(registry.count("PUT", "/v2/up/repo/blobs/uploads/session")).isEqualTo(2);
    // The layer, larger than 1 KiB, goes in PATCH chunks of at most 1 KiB; the config does not.
    assertThat(registry.requests())
        .filteredOn(r -> r.method().equals("PATCH"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.body().length).isLessThanOrEqualTo(1024));
    assertThat(
            registry.requests().stream()
                .filter(r -> r.method().equals("PATCH"))
                .mapToLong(r -> r.body().length)
                .sum())
        .isEqualTo(layerSize);
  }

  @Test
  void chunkSizeOptionRejectsNonsense() {
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new String[] {"push", "--chunk-size", "12 parsecs", "oci:/nowhere", "127.0.0.1:1/a:b"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(registry.requests()).isEmpty();
    assertThat(err.toString()).contains("'12 parsecs' is not a size");
  }

  private Path imageLayout() throws Exception {
    Path layout = temp.resolve("layout");
    IMAGE.writeLayout(layout, "v1");
    return layout;
  }

  private static int push(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "push";
    System.arraycopy(args, 0, line, 1, args.length);
    StringWriter err = new StringWriter();
    int code = Main.run(line, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertThat(err.toString()).doesNotContain("error");
    return code;
  }

  @Test
  void mountSendsNoSecondCheck() throws Exception {
    registry.on("/v2/", exchange -> FakeRegistry.respond(exchange, 200, new byte[0]));
    registry.on(
        "/v2/up/repo/blobs/uploads/", exchange -> FakeRegistry.respond(exchange, 201, new byte[0]));

    boolean mounted =
        client().mountBlob(LAYER.digest(), new Repository(registry.host(), "up/other"));

    assertThat(mounted).isTrue();
    assertThat(registry.count("HEAD", "/v2/up/repo/blobs/")).isZero();
    assertThat(registry.count("POST", "/v2/up/repo/blobs/uploads/?mount=")).isEqualTo(1);
  }

  @Test
  void malformedCommandLinesAreUsageErrors() {
    String layout = "oci:" + temp.resolve("layout") + ":v1";
    String target = registry.host() + "/up/repo:v1";
    String[][] lines = {
      {"push", "--password-stdin", layout, target},
      {"push", "--username", "someone", layout, target},
      {"push", temp.resolve("layout").toString(), target},
      {"push", layout, "oci:" + temp.resolve("other")},
      {"pull", target, temp.resolve("pulled").toString()},
      {"pull", layout, "oci:" + temp.resolve("pulled")},
      // Only the commands that upload take a chunk size.
      {"pull", "--chunk-size", "1KiB", target, "oci:" + temp.resolve("pulled")},
      {"resolve", "--chunk-size", "1KiB", target},
    };
    for (String[] line : lines) {
      StringWriter err = new StringWriter();

      int code = Main.run(line, new PrintWriter(new StringWriter()), new PrintWriter(err, true));

      assertThat(code).as(String.join(" ", line) + ": " + err).isEqualTo(2);
    }
    assertThat(registry.requests()).isEmpty();
  }

  @Test
  void concurrentRequestsProbeSchemeOnce() throws Exception {
    acceptUploads();
    RegistryClient client = client();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        checks.add(threads.submit(() -> client.hasBlob(LAYER.digest())));
      }
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isFalse();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(registry.requests())
        .filteredOn(request -> request.pathAndQuery().equals("/v2/"))
        .hasSize(1);
    assertThat(registry.count("HEAD", "/v2/up/repo/blobs/")).isEqualTo(4);
  }
}
