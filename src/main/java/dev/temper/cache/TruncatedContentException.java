package dev.temper.cache;

import dev.temper.error.IntegrityException;

/**
 * Fewer bytes arrived than the expected size. The downloader retries this case, because a short
 * body is usually a dropped connection rather than a file that differs from its index.
 */
final class TruncatedContentException extends IntegrityException {
  private static final long serialVersionUID = 1L;

  TruncatedContentException(String displayName, long expectedSize, long actualSize) {
    super(IntegrityException.sizeMismatch(displayName, expectedSize, actualSize).getMessage());
  }
}
