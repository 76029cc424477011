package dev.temper.oci.image;

import dev.temper.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongSupplier;

/**
 * The decompressed bytes of a layer, hashed for the diff ID and counted against the size and
 * expansion limits in the same pass.
 */
final class LayerStream extends FilterInputStream {
  private final MessageDigest hasher = Digest.sha256Hasher();
  private final WalkLimits limits;
  private final LongSupplier compressedCount;
  private final String layerName;
  private long count;

  /**
   * @param compressedCount returns how many compressed bytes have been read so far
   * @param layerName names the layer in errors
   */
  LayerStream(InputStream in, WalkLimits limits, LongSupplier compressedCount, String layerName) {
    super(in);
    this.limits = limits;
    this.compressedCount = compressedCount;
    this.layerName = layerName;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      count += n;
      hasher.update(buffer, offset, n);
      check();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  private void check() throws LimitExceededException {
    if (count > limits.maxLayerBytes()) {
      throw new LimitExceededException(
          layerName + ": more than " + limits.maxLayerBytes() + " bytes when decompressed");
    }
    long compressed = Math.max(1, compressedCount.getAsLong());
    if (count > limits.ratioFloorBytes() && count / compressed > limits.maxExpansionRatio()) {
      throw new LimitExceededException(
          layerName
              + ": decompresses to more than "
              + limits.maxExpansionRatio()
              + " times its compressed size");
    }
  }

  /** Reads the rest of the stream, so that the diff ID covers every byte. */
  void drain() throws IOException {
    skip(Long.MAX_VALUE);
  }

  /** Returns the SHA-256 of the bytes read; call once, after {@link #drain()}. */
  Digest diffId() {
    return Digest.sha256Of(hasher);
  }

  /** A bound of {@link WalkLimits} was exceeded. */
  static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
      super(message);
    }
  }
}
