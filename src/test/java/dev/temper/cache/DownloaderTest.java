package dev.temper.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.error.NotFoundException;
import dev.temper.testing.LoopbackServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
  private static final byte[] DEB = "pretend this is a .deb\n".getBytes(UTF_8);
  private static final String DEB_SHA256 = Sha256.of(DEB);

  @TempDir Path root;
  private LoopbackServer server;
  private ContentCache cache;
  private final List<Duration> delays = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start().put("/pool/a.deb", DEB);
    cache = new ContentCache(root.resolve("cache"), Clock.systemUTC());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Downloader downloader() {
    return Downloader.builder(cache).sleeper(delays::add).build();
  }

  private DownloadRequest request(String path, long size, String sha256) {
    return new DownloadRequest(server.uri(path), size, sha256, "a.deb");
  }

  @Test
  void missDownloadsIntoCache() throws Exception {
    Path blob = downloader().fetch(request("/pool/a.deb", DEB.length, DEB_SHA256));

    assertThat(Files.readAllBytes(blob)).isEqualTo(DEB);
    assertThat(cache.find(DEB_SHA256)).contains(blob);
    assertThat(server.requestCount("/pool/a.deb")).isEqualTo(1);
  }

  @Test
  void hitSkipsServer() throws Exception {
    Path cached = cache.put(new ByteArrayInputStream(DEB), DEB.length, DEB_SHA256, "a.deb");

    Path blob = downloader().fetch(request("/pool/a.deb", DEB.length, DEB_SHA256));

    assertThat(blob).isEqualTo(cached);
    assertThat(server.requestCount("/pool/a.deb")).isZero();
  }

  @Test
  void unknownSizeDownloads() throws Exception {
    Path blob = downloader().fetch(request("/pool/a.deb", -1, DEB_SHA256));

    assertThat(Files.readAllBytes(blob)).isEqualTo(DEB);
  }

  @Test
  void fileUriDownloads() throws Exception {
    Path mirror = Files.write(root.resolve("a.deb"), DEB);

    Path blob =
        downloader().fetch(new DownloadRequest(mirror.toUri(), DEB.length, DEB_SHA256, "a.deb"));

    assertThat(Files.readAllBytes(blob)).isEqualTo(DEB);
  }

  @Test
  void missingFileUriIsNotFound() {
    Path missing = root.resolve("missing.deb");

    assertThatThrownBy(
            () ->
                downloader()
                    .fetch(new DownloadRequest(missing.toUri(), 1, DEB_SHA256, "missing.deb")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(missing + ": not found");
  }

  @Test
  void shortFileUriIsNotRetried() throws Exception {
    Path mirror = Files.write(root.resolve("a.deb"), DEB);

    assertThatThrownBy(
            () ->
                downloader()
                    .fetch(new DownloadRequest(mirror.toUri(), DEB.length + 1, DEB_SHA256, "a")))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("a from " + mirror.toUri() + ": size mismatch, expected 24 bytes but got 23");
    assertThat(delays).isEmpty();
  }

  @Test
  void digestMismatchIsNotRetried() {
    String wrong = "ab".repeat(32);

    assertThatThrownBy(() -> downloader().fetch(request("/pool/a.deb", DEB.length, wrong)))
        .isInstanceOf(IntegrityException.class)
        .hasMessage(
            "a.deb from "
                + server.uri("/pool/a.deb")
                + ": SHA-256 mismatch, expected "
                + wrong
                + " but got "
                + DEB_SHA256);
    assertThat(server.requestCount("/pool/a.deb")).isEqualTo(1);
    assertThat(cache.find(wrong)).isEmpty();
    assertThat(root.resolve("cache/blobs/sha256")).isEmptyDirectory();
  }

  @Test
  void oversizedContentLengthFailsBeforeReading() {
    assertThatThrownBy(() -> downloader().fetch(request("/pool/a.deb", 5, DEB_SHA256)))
        .isInstanceOf(IntegrityException.class)
        .hasMessage(
            "a.deb from "
                + server.uri("/pool/a.deb")
                + ": size mismatch, expected 5 bytes but got 23");
    assertThat(server.requestCount("/pool/a.deb")).isEqualTo(1);
    assertThat(cache.find(DEB_SHA256)).isEmpty();
  }

  @Test
  void notFoundIsNotRetried() {
    assertThatThrownBy(() -> downloader().fetch(request("/pool/missing.deb", 1, DEB_SHA256)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(server.uri("/pool/missing.deb") + ": not found (HTTP 404)");
    assertThat(server.requestCount("/pool/missing.deb")).isEqualTo(1);
    assertThat(delays).isEmpty();
  }

  @Test
  void forbiddenIsNotRetried() {
    server.failNext("/pool/a.deb", 5, 403);

    assertThatThrownBy(() -> downloader().fetch(request("/pool/a.deb", DEB.length, DEB_SHA256)))
        .isInstanceOf(NetworkException.class)
        .hasMessage(server.uri("/pool/a.deb") + ": request failed with HTTP 403");
    assertThat(server.requestCount("/pool/a.deb")).isEqualTo(1);
  }

  @Test
  void unsupportedSchemeRejected() {
    URI ftp = URI.create("ftp://127.0.0.1/a.deb");

    assertThatThrownBy(() -> downloader().fetch(new DownloadRequest(ftp, 1, DEB_SHA256, "a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "unsupported URI scheme in ftp://127.0.0.1/a.deb: expected http, https or file");
  }

  @Test
  void craftedDigestRejectedInRequest() {
    assertThatThrownBy(() -> request("/pool/a.deb", 1, "../../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid SHA-256 digest '../../x': expected 64 lower-case hexadecimal digits");
  }

  @Test
  void fetchBytesReturnsBody() throws Exception {
    byte[] bytes = downloader().fetchBytes(server.uri("/pool/a.deb"), 1024, "InRelease");

    assertThat(bytes).isEqualTo(DEB);
    assertThat(cache.find(DEB_SHA256)).isEmpty();
  }

  @Test
  void fetchBytesAcceptsExactLimit() throws Exception {
    byte[] bytes = downloader().fetchBytes(server.uri("/pool/a.deb"), DEB.length, "InRelease");

    assertThat(bytes).isEqualTo(DEB);
  }

  @Test
  void fetchBytesRejectsLargerBody() {
    assertThatThrownBy(() -> downloader().fetchBytes(server.uri("/pool/a.deb"), 10, "InRelease"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(server.uri("/pool/a.deb") + ": larger than the limit of 10 bytes");
    assertThat(server.requestCount("/pool/a.deb")).isEqualTo(1);
  }

  @Test
  void fetchBytesNotFoundAllowsFallback() {
    assertThatThrownBy(
            () -> downloader().fetchBytes(server.uri("/dists/x/Packages.xz"), 1024, "Packages.xz"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(server.uri("/dists/x/Packages.xz") + ": not found (HTTP 404)");
  }

  @Test
  void fetchBytesReadsFileUri() throws Exception {
    Path file = Files.write(root.resolve("InRelease"), DEB);

    assertThat(downloader().fetchBytes(file.toUri(), 1024, "InRelease")).isEqualTo(DEB);
  }

  @Test
  void serverServesDirectory() throws Exception {
    Path mirror = Files.createDirectories(root.resolve("mirror/pool"));
    Files.write(mirror.resolve("b.deb"), DEB);
    try (LoopbackServer directoryServer = LoopbackServer.serving(root.resolve("mirror"))) {
      URI uri = directoryServer.uri("/pool/b.deb");

      Path blob = downloader().fetch(new DownloadRequest(uri, DEB.length, DEB_SHA256, "b.deb"));

      assertThat(Files.readAllBytes(blob)).isEqualTo(DEB);
    }
  }
}
