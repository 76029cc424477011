package dev.temper.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails once more than a set number of bytes were read from it, so that a
 * decompression bomb or an endless input stops with a clear error instead of filling memory or
 * disk.
 */
public final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private final String content;
  private long count;

  /**
   * @param limit the number of bytes that may be read
   * @param content names the content in the error, such as {@code FILE: decompressed data}
   */
  public BoundedInputStream(InputStream in, long limit, String content) {
    super(in);
    this.limit = limit;
    this.content = content;
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

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      count(skipped);
    }
    return skipped;
  }

  private void count(long n) throws SizeLimitException {
    count += n;
    if (count > limit) {
      throw new SizeLimitException(content + " is larger than the limit of " + limit + " bytes");
    }
  }
}
