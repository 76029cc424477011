package dev.temper.oci.blob;

import dev.temper.error.IntegrityException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a blob's bytes through while hashing and counting them. A byte beyond the expected size
 * fails at once. At the end of the stream the size and digest are compared, and a mismatch throws
 * {@link BlobIntegrityIOException} naming the blob and both values. A caller that closes the stream
 * before the end gets no check.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expectedDigest;
  private final long expectedSize;
  private final String blobName;
  private final MessageDigest hasher;
  private long count;
  private boolean checked;

  /**
   * Wraps a stream.
   *
   * @param in the blob's bytes
   * @param expected the descriptor that vouches for them
   * @param blobName names the blob in errors, such as {@code oci:out blob sha256:...}
   */
  public VerifyingInputStream(InputStream in, Descriptor expected, String blobName) {
    super(in);
    this.expectedDigest = expected.digest();
    this.expectedSize = expected.size();
    this.blobName = blobName;
    this.hasher = expectedDigest.newHasher();
  }

  /** Returns the number of bytes read so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      verifyAtEnd();
      return -1;
    }
    count += n;
    if (count > expectedSize) {
      throw new BlobIntegrityIOException(
          new IntegrityException(
              blobName + ": size mismatch, expected " + expectedSize + " bytes but got more"));
    }
    hasher.update(buffer, offset, n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed.
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

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readLimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark and reset are not supported");
  }

  private void verifyAtEnd() throws BlobIntegrityIOException {
    if (checked) {
      return;
    }
    checked = true;
    if (count != expectedSize) {
      throw new BlobIntegrityIOException(
          IntegrityException.sizeMismatch(blobName, expectedSize, count));
    }
    Digest actual =
        new Digest(expectedDigest.algorithm(), HexFormat.of().formatHex(hasher.digest()));
    if (!actual.equals(expectedDigest)) {
      throw new BlobIntegrityIOException(
          new IntegrityException(
              blobName + ": digest mismatch, expected " + expectedDigest + " but got " + actual));
    }
  }
}
