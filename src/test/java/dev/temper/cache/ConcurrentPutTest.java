package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two writers storing the same blob at the same time, as two threads and as two processes. */
@Timeout(120)
class ConcurrentPutTest {
  private static final byte[] CONTENT = randomBytes(300_000);
  private static final String SHA256 = Sha256.of(CONTENT);

  @TempDir Path root;

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private List<Path> blobDirectoryEntries() throws IOException {
    try (Stream<Path> entries = Files.list(root.resolve("blobs/sha256"))) {
      return entries.toList();
    }
  }

  @Test
  void twoThreadsWriteSameBlob() throws Exception {
    // Both writers stop at the barrier after their first half, so both temporary files exist
    // at the same time before either rename.
    CyclicBarrier halfway = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Path>> puts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ContentCache cache = new ContentCache(root, Clock.systemUTC());
        puts.add(
            pool.submit(
                () -> cache.put(new HalfwayBarrierStream(halfway), CONTENT.length, SHA256, "t")));
      }

      Path expected = root.resolve("blobs/sha256").resolve(SHA256);
      assertThat(puts.get(0).get()).isEqualTo(expected);
      assertThat(puts.get(1).get()).isEqualTo(expected);
      assertThat(Files.readAllBytes(expected)).isEqualTo(CONTENT);
      assertThat(blobDirectoryEntries()).containsExactly(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesWriteSameBlob() throws Exception {
    Process first = startWriter("first");
    Process second = startWriter("second");
    int half = CONTENT.length / 2;

    // Both processes get the first half before either gets the rest, so their writes overlap.
    for (Process process : List.of(first, second)) {
      process.getOutputStream().write(CONTENT, 0, half);
      process.getOutputStream().flush();
    }
    for (Process process : List.of(first, second)) {
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(CONTENT, half, CONTENT.length - half);
      }
    }

    Path expected = root.resolve("blobs/sha256").resolve(SHA256);
    for (Process process : List.of(first, second)) {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    }
    assertThat(output("first")).isEqualTo(expected + "\n");
    assertThat(output("second")).isEqualTo(expected + "\n");
    assertThat(Files.readAllBytes(expected)).isEqualTo(CONTENT);
    assertThat(blobDirectoryEntries()).containsExactly(expected);
  }

  private Process startWriter(String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            PutFromStandardInput.class.getName(),
            root.toString(),
            Long.toString(CONTENT.length),
            SHA256);
    builder.redirectOutput(root.resolve(name + ".out").toFile());
    builder.redirectError(root.resolve(name + ".err").toFile());
    return builder.start();
  }

  private String output(String name) throws IOException {
    return Files.readString(root.resolve(name + ".out"), StandardCharsets.UTF_8);
  }

  /** Serves {@link #CONTENT} and waits at a barrier once half of it was read. */
  private static final class HalfwayBarrierStream extends InputStream {
    private final CyclicBarrier barrier;
    private int position;
    private boolean waited;

    HalfwayBarrierStream(CyclicBarrier barrier) {
      this.barrier = barrier;
    }

    @Override
    public int read() throws IOException {
      byte[] single = new byte[1];
      return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int half = CONTENT.length / 2;
      if (position >= half && !waited) {
        waited = true;
        try {
          barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IOException("the other writer did not reach the barrier", e);
        }
      }
      if (position >= CONTENT.length) {
        return -1;
      }
      int limit = position < half ? half : CONTENT.length;
      int count = Math.min(length, limit - position);
      System.arraycopy(CONTENT, position, bytes, offset, count);
      position += count;
      return count;
    }
  }
}
