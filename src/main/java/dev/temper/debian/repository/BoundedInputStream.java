package dev.temper.debian.repository;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a set number of bytes has been read, to stop decompression bombs. */
final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private final String displayName;
  private long count;

  BoundedInputStream(InputStream in, long limit, String displayName) {
    super(in);
    this.limit = limit;
    this.displayName = displayName;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws IOException {
    count += n;
    if (count > limit) {
      throw new IOException(displayName + ": decompressed data exceeds " + limit + " bytes");
    }
  }
}
