package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.NotFoundException;
import dev.temper.testing.LoopbackServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FetchAllTest {
  @TempDir Path root;
  private LoopbackServer server;
  private ContentCache cache;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start();
    cache = new ContentCache(root, Clock.systemUTC());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Downloader downloader() {
    DownloadListener recorder =
        new DownloadListener() {
          @Override
          public void batchStarted(int files, long totalBytes) {
            events.add("batch " + files + " " + totalBytes);
          }

          @Override
          public void finished(String name) {
            events.add("finished " + name);
          }
        };
    return Downloader.builder(cache).sleeper(delay -> {}).listener(recorder).build();
  }

  private DownloadRequest serve(String name, byte[] content) {
    server.put("/" + name, content);
    return new DownloadRequest(server.uri("/" + name), content.length, Sha256.of(content), name);
  }

  private static byte[] content(int seed) {
    Random random = new Random(seed);
    byte[] bytes = new byte[1000 + random.nextInt(100_000)];
    random.nextBytes(bytes);
    return bytes;
  }

  @Test
  void manyFilesReturnInRequestOrder() throws Exception {
    List<DownloadRequest> requests = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    long totalBytes = 0;
    for (int i = 0; i < 30; i++) {
      byte[] content = content(i);
      contents.add(content);
      totalBytes += content.length;
      requests.add(serve("file-" + i + ".deb", content));
    }

    List<Path> blobs = downloader().fetchAll(requests, 4);

    assertThat(blobs).hasSize(30);
    for (int i = 0; i < 30; i++) {
      assertThat(Files.readAllBytes(blobs.get(i))).isEqualTo(contents.get(i));
      assertThat(server.requestCount("/file-" + i + ".deb")).isEqualTo(1);
    }
    assertThat(events.get(0)).isEqualTo("batch 30 " + totalBytes);
    assertThat(events.stream().filter(e -> e.startsWith("finished"))).hasSize(30);
  }

  @Test
  void duplicateDigestsDownloadOnce() throws Exception {
    DownloadRequest a = serve("a.deb", content(1));
    DownloadRequest b = serve("b.deb", content(2));
    DownloadRequest sameAsA =
        new DownloadRequest(server.uri("/copy-of-a.deb"), a.size(), a.sha256(), "copy-of-a.deb");

    List<Path> blobs = downloader().fetchAll(List.of(a, b, sameAsA), 2);

    assertThat(blobs.get(2)).isEqualTo(blobs.get(0));
    assertThat(blobs.get(1)).isNotEqualTo(blobs.get(0));
    assertThat(server.requestCount("/a.deb")).isEqualTo(1);
    assertThat(server.requestCount("/copy-of-a.deb")).isZero();
  }

  @Test
  void cachedFilesNotCountedInBatch() throws Exception {
    byte[] cachedContent = content(1);
    DownloadRequest cached = serve("cached.deb", cachedContent);
    cache.put(new ByteArrayInputStream(cachedContent), -1, cached.sha256(), "cached.deb");
    byte[] freshContent = content(2);
    DownloadRequest fresh = serve("fresh.deb", freshContent);

    downloader().fetchAll(List.of(cached, fresh), 2);

    assertThat(events).containsExactly("batch 1 " + freshContent.length, "finished fresh.deb");
    assertThat(server.requestCount("/cached.deb")).isZero();
  }

  @Test
  void emptyListReturnsEmpty() throws Exception {
    assertThat(downloader().fetchAll(List.of(), 4)).isEmpty();
  }

  @Test
  void firstFailureStopsOthers() throws Exception {
    // The slow responses would block for minutes, so the test only ends in time if fetchAll
    // interrupts them after the 404.
    DownloadRequest slowA = serve("slow-a.deb", content(1));
    DownloadRequest slowB = serve("slow-b.deb", content(2));
    server.delay("/slow-a.deb", Duration.ofMinutes(5)).delay("/slow-b.deb", Duration.ofMinutes(5));
    DownloadRequest missing =
        new DownloadRequest(server.uri("/missing.deb"), 10, "0".repeat(64), "missing.deb");

    assertThatThrownBy(() -> downloader().fetchAll(List.of(slowA, slowB, missing), 3))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(server.uri("/missing.deb") + ": not found (HTTP 404)");
    assertThat(regularFilesUnder(root)).isEmpty();
  }

  private static List<Path> regularFilesUnder(Path directory) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void parallelismBelowOneRejected() {
    assertThatThrownBy(() -> downloader().fetchAll(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1, got 0");
  }
}
