package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cache.DownloadListener;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Counts the requests of an upload on {@link FakeRegistry}, a mock HTTP server on loopback, which
 * records every request; the real distribution server keeps no such count.
 */
class BlobUploadRequestsTest {
  private static final byte[] CONTENT = "blob content".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor LAYER =
      Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(CONTENT), CONTENT.length);

  private final FakeRegistry registry = FakeRegistry.start();

  @AfterEach
  void stop() {
    registry.close();
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
