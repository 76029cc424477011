package dev.temper.registry;

import dev.temper.cache.DigestWarmup;
import dev.temper.cache.Sha256;
import dev.temper.json.JsonValue;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Runs the JDK set-up that a registry command's first request needs on a daemon thread, while the
 * command's own thread still handles the command line and reads local files. That set-up is the
 * lookup of the {@code http} URL handler, which searches the class path for handler providers; the
 * class set-up of {@code HttpURLConnection}; the security providers behind {@code MessageDigest};
 * and the JSON parser. Each took 5 to 15 ms in a fresh JVM on a 2-core test machine. Nothing is
 * sent.
 */
public final class RegistryWarmup {
  private static final URI LOOPBACK = URI.create("http://127.0.0.1/");

  private RegistryWarmup() {}

  /**
   * Starts the set-up on a daemon thread, which ends by itself, and returns the thread.
   *
   * @param hashing whether the thread first hashes with {@link DigestWarmup}, for commands that
   *     download and hash blobs
   */
  public static Thread start(boolean hashing) {
    Thread thread = new Thread(() -> run(hashing, LOOPBACK), "temper-registry-warmup");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Runs the set-up on this thread.
   *
   * @param target the URL of the connection object that is made but never connected
   */
  static void run(boolean hashing, URI target) {
    // The hashing goes first. A pull whose first blob arrived before the SHA-256 code was compiled
    // took about 50 ms longer (median of 11 loopback pulls of the 73 MB java17 image). The
    // command's own thread does the rest of the set-up itself when it gets there first.
    if (hashing) {
      DigestWarmup.hash();
    }
    try {
      // Opening a connection object sends nothing: only connect() and the stream getters do.
      target.toURL().openConnection(Proxy.NO_PROXY);
      JsonValue.parse("{\"warm\":[1]}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Only the first request could fail, and it reports its own failure.
    }
    Sha256.newDigest();
  }
}
