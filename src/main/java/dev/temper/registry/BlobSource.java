package dev.temper.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The bytes of a blob to push, which can be opened more than once for retries and chunks. */
public interface BlobSource {
  /** Opens the blob from its first byte. */
  InputStream open() throws IOException;

  /**
   * Returns the file that contains the blob, when there is one, so it can be sent without a copy.
   */
  default Optional<Path> file() {
    return Optional.empty();
  }

  /**
   * Returns whether the bytes of {@link #file()} were already checked against the blob's digest, so
   * that a target may take the file as it is.
   */
  default boolean verified() {
    return false;
  }

  /**
   * Returns whether the bytes were already in the local content cache, so that copying them moved
   * nothing over the network.
   */
  default boolean fromCache() {
    return false;
  }

  /**
   * Returns a source of a file whose bytes were checked against the blob's digest when it was
   * stored, such as an entry of the content cache, which keeps its blobs read-only.
   */
  static BlobSource ofVerifiedFile(Path file) {
    return ofVerifiedFile(file, false);
  }

  /**
   * Returns a source of a file whose bytes were checked against the blob's digest when it was
   * stored, and that records whether the file was in the content cache before this copy started.
   */
  static BlobSource ofVerifiedFile(Path file, boolean fromCache) {
    return new BlobSource() {
      @Override
      public boolean fromCache() {
        return fromCache;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      public Optional<Path> file() {
        return Optional.of(file);
      }

      @Override
      public boolean verified() {
        return true;
      }
    };
  }

  /** Returns a source that reads {@code file}. */
  static BlobSource ofFile(Path file) {
    return new BlobSource() {
      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      public Optional<Path> file() {
        return Optional.of(file);
      }
    };
  }

  /** Returns a source of bytes held in memory, such as a config. */
  static BlobSource ofBytes(byte[] bytes) {
    byte[] copy = bytes.clone();
    return () -> new java.io.ByteArrayInputStream(copy);
  }
}
