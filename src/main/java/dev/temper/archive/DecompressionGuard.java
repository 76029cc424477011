package dev.temper.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the compressed bytes that enter a decompressor and the decompressed bytes that leave it,
 * and fails once the output passes the total limit or the compression ratio cap.
 */
final class DecompressionGuard {
  private final TarLimits limits;
  private final String archive;
  private long compressedBytes;
  private long decompressedBytes;

  DecompressionGuard(TarLimits limits, String archive) {
    this.limits = limits;
    this.archive = archive;
  }

  /** Wraps the raw stream, counting what the decompressor reads. */
  InputStream countCompressed(InputStream raw) {
    return new FilterInputStream(raw) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        compressedBytes += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        compressedBytes += Math.max(n, 0);
        return n;
      }
    };
  }

  /** Wraps the decompressed stream, checking the limits as bytes pass. */
  InputStream checkDecompressed(InputStream decompressed, boolean compressed) {
    return new FilterInputStream(decompressed) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1, compressed);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n, compressed);
        }
        return n;
      }
    };
  }

  long decompressedBytes() {
    return decompressedBytes;
  }

  private void count(int n, boolean compressed) throws IOException {
    decompressedBytes += n;
    if (decompressedBytes > limits.maxTotalBytes()) {
      throw new LimitExceededException(
          archive
              + ": decompressed content exceeds the limit of "
              + limits.maxTotalBytes()
              + " bytes");
    }
    if (compressed
        && decompressedBytes > limits.ratioFloorBytes()
        && decompressedBytes > compressedBytes * limits.maxCompressionRatio()) {
      throw new LimitExceededException(
          archive
              + ": compression ratio exceeds "
              + limits.maxCompressionRatio()
              + " ("
              + decompressedBytes
              + " bytes from "
              + compressedBytes
              + "), which suggests a decompression bomb");
    }
  }

  /** Carries a limit failure through streams that only throw {@link IOException}. */
  static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
      super(message);
    }
  }
}
