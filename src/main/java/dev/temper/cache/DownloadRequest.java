package dev.temper.cache;

import java.net.URI;
import java.util.Objects;

/**
 * One file to download and verify.
 *
 * @param uri an {@code http}, {@code https} or {@code file} URI
 * @param size the size in bytes, or -1 if unknown
 * @param sha256 the expected SHA-256, 64 lower-case hexadecimal digits
 * @param displayName the name shown in progress output and error messages, such as the file name
 */
public record DownloadRequest(URI uri, long size, String sha256, String displayName) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the size is below -1 or the digest is not valid
   */
  public DownloadRequest {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(displayName, "displayName");
    if (size < -1) {
      throw new IllegalArgumentException(
          "invalid size " + size + " for " + displayName + ": expected -1 or more");
    }
    Sha256.requireValid(sha256);
  }
}
