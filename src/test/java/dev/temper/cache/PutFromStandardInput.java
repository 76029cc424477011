package dev.temper.cache;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate JVM for the cross-process test: stores standard input in the cache and prints the blob
 * path. Arguments: cache root, size in bytes, SHA-256.
 */
public final class PutFromStandardInput {
  private PutFromStandardInput() {}

  /** Runs one put and exits with 0, or with 1 after printing the failure. */
  public static void main(String[] args) throws Exception {
    ContentCache cache = new ContentCache(Path.of(args[0]), Clock.systemUTC());
    Path blob = cache.put(System.in, Long.parseLong(args[1]), args[2], "stdin");
    System.out.println(blob);
  }
}
