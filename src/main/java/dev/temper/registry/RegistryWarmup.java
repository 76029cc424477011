package dev.temper.registry;

import dev.temper.cache.DigestWarmup;
import dev.temper.cache.Sha256;
import dev.temper.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs the set-up that a registry command's first request needs on a daemon thread, while the
 * command's own thread still handles the command line and reads local files: the security providers
 * behind {@code MessageDigest}, the HTTP response reader and the JSON parser. Each took 5 to 15 ms
 * in a fresh JVM on a 2-core test machine. Nothing is sent.
 */
public final class RegistryWarmup {
  private static final byte[] RESPONSE =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1);

  private RegistryWarmup() {}

  /**
   * Starts the set-up on a daemon thread, which ends by itself, and returns the thread.
   *
   * @param hashing whether the thread first hashes with {@link DigestWarmup}, for commands that
   *     download and hash blobs
   */
  public static Thread start(boolean hashing) {
    Thread thread = new Thread(() -> run(hashing), "temper-registry-warmup");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Runs the set-up on this thread. */
  static void run(boolean hashing) {
    // The hashing goes first. A pull whose first blob arrived before the SHA-256 code was compiled
    // took about 50 ms longer (median of 11 loopback pulls of the 73 MB java17 image). The
    // command's own thread does the rest of the set-up itself when it gets there first.
    if (hashing) {
      DigestWarmup.hash();
    }
    try {
      ResponseHead.read(new ByteArrayInputStream(RESPONSE), System.nanoTime() + 1_000_000_000L);
      JsonValue.parse("{\"warm\":[1]}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("the warm-up's own response does not parse", e);
    }
    Sha256.newDigest();
  }
}
