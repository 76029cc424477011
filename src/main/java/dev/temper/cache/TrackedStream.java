package dev.temper.cache;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read from a source, reports the count, and remembers whether a read failed, so
 * that the downloader can tell a failing source from a failing cache disk.
 */
final class TrackedStream extends FilterInputStream {
  private final LongConsumer progress;
  private long count;
  private boolean readFailed;

  TrackedStream(InputStream source, LongConsumer progress) {
    super(source);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    byte[] single = new byte[1];
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    int read;
    try {
      read = in.read(bytes, offset, length);
    } catch (IOException e) {
      readFailed = true;
      throw e;
    }
    if (read > 0) {
      count += read;
      progress.accept(count);
    }
    return read;
  }

  /** Returns the number of bytes read so far. */
  long count() {
    return count;
  }

  /** Returns whether a read from the source threw an exception. */
  boolean readFailed() {
    return readFailed;
  }
}
