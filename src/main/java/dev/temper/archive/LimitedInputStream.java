package dev.temper.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most a fixed number of bytes from a stream and then reports its end, such as one chunk
 * of an upload or a file whose size was taken before it was opened.
 */
public final class LimitedInputStream extends FilterInputStream {
  private long remaining;

  /** Wraps {@code in}, which is closed when this stream is closed. */
  public LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.remaining = limit;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int b = in.read();
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int read = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (read > 0) {
      remaining -= read;
    }
    return read;
  }
}
