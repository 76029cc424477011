package dev.temper.sbom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the SHA-1 and SHA-256 of every byte read and counts them. Skipping reads the bytes, so a
 * skip inside a zip reader still reaches the hashes.
 */
final class HashingInputStream extends FilterInputStream {
  private final MessageDigest sha1 = newDigest("SHA-1");
  private final MessageDigest sha256 = newDigest("SHA-256");
  private final byte[] skipBuffer = new byte[8192];
  private long count;

  HashingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      sha1.update((byte) b);
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      sha1.update(buffer, offset, n);
      sha256.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    int read = read(skipBuffer, 0, (int) Math.min(n, skipBuffer.length));
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Returns the number of bytes read so far. */
  long count() {
    return count;
  }

  /**
   * Reads the rest of the stream, at most {@code limit} more bytes, and returns whether it ended.
   */
  boolean drain(long limit) throws IOException {
    long left = limit;
    while (left > 0) {
      int n = read(skipBuffer, 0, (int) Math.min(left, skipBuffer.length));
      if (n < 0) {
        return true;
      }
      left -= n;
    }
    return read() < 0;
  }

  /** Returns the SHA-1 in hex; call once, after the stream is read. */
  String sha1() {
    return HexFormat.of().formatHex(sha1.digest());
  }

  /** Returns the SHA-256 in hex; call once, after the stream is read. */
  String sha256() {
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK provides " + algorithm, e);
    }
  }
}
