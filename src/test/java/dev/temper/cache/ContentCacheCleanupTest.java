package dev.temper.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.IntegrityException;
import dev.temper.files.ExitCleanup;
import dev.temper.testing.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removal of the cache's temporary files when the JVM exits during a put. */
class ContentCacheCleanupTest {
  private static final byte[] CONTENT = "hello, cache\n".getBytes(UTF_8);
  private static final String CONTENT_SHA256 = Sha256.of(CONTENT);

  @TempDir Path root;

  @Test
  void successfulPutUnregistersTemporaryFile() throws Exception {
    ObservedStream in = new ObservedStream(root, CONTENT);

    Path blob = new ContentCache(root, Clock.systemUTC()).put(in, -1, CONTENT_SHA256, "a");

    assertThat(in.temporaryFile).isNotNull();
    assertThat(in.registeredDuringPut).isTrue();
    assertThat(ExitCleanup.isRegistered(in.temporaryFile)).isFalse();
    assertThat(in.temporaryFile).doesNotExist();
    assertThat(blob).hasBinaryContent(CONTENT);
  }

  @Test
  void failedPutUnregistersTemporaryFile() throws Exception {
    ObservedStream in = new ObservedStream(root, "other content\n".getBytes(UTF_8));
    ContentCache cache = new ContentCache(root, Clock.systemUTC());

    assertThatThrownBy(() -> cache.put(in, -1, CONTENT_SHA256, "a"))
        .isInstanceOf(IntegrityException.class);

    assertThat(in.temporaryFile).isNotNull();
    assertThat(in.registeredDuringPut).isTrue();
    assertThat(ExitCleanup.isRegistered(in.temporaryFile)).isFalse();
    assertThat(in.temporaryFile).doesNotExist();
  }

  @Test
  void sigtermDuringPutRemovesTemporaryFile() throws Exception {
    Process child = ChildJvm.startReady(Child.class, root.toString());
    assertThat(temporaryFiles(root)).hasSize(1);

    child.destroy();

    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(temporaryFiles(root)).isEmpty();
  }

  private static List<Path> temporaryFiles(Path cacheRoot) throws IOException {
    try (Stream<Path> entries = Files.list(cacheRoot.resolve("blobs/sha256"))) {
      return entries
          .filter(path -> path.getFileName().toString().startsWith(ContentCache.TEMP_PREFIX))
          .toList();
    }
  }

  /**
   * Returns fixed bytes and, on the first read, records the temporary file that the put writes and
   * whether it is registered for deletion at exit.
   */
  private static final class ObservedStream extends InputStream {
    private final Path cacheRoot;
    private final InputStream content;
    Path temporaryFile;
    boolean registeredDuringPut;

    ObservedStream(Path cacheRoot, byte[] bytes) {
      this.cacheRoot = cacheRoot;
      this.content = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() throws IOException {
      observe();
      return content.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      observe();
      return content.read(bytes, offset, length);
    }

    private void observe() throws IOException {
      if (temporaryFile == null) {
        temporaryFile = temporaryFiles(cacheRoot).get(0);
        registeredDuringPut = ExitCleanup.isRegistered(temporaryFile);
      }
    }
  }

  /** Starts a put whose input stalls, reports that it is ready and waits to be stopped. */
  static final class Child {
    public static void main(String[] args) throws Exception {
      InputStream stalled =
          new InputStream() {
            @Override
            public int read() {
              return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
              System.out.print("ready\n");
              System.out.flush();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return -1;
            }
          };
      new ContentCache(Path.of(args[0]), Clock.systemUTC())
          .put(stalled, CONTENT.length, CONTENT_SHA256, "stalled");
    }
  }
}
