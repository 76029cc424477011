package dev.temper.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of the current tar entry: ends at the entry's size, fails if the archive ends first,
 * and marks failures of the archive as {@link TarReader.InputFailure} so that they are told apart
 * from failures of the visitor that reads it.
 */
final class EntryContentStream extends InputStream {
  private final InputStream tar;
  private final String archive;
  private final String entry;
  private long remaining;

  EntryContentStream(InputStream tar, long size, String archive, String entry) {
    this.tar = tar;
    this.remaining = size;
    this.archive = archive;
    this.entry = entry;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n;
    try {
      n = tar.read(buffer, offset, (int) Math.min(length, remaining));
    } catch (IOException e) {
      throw TarReader.InputFailure.of(archive, entry, e);
    }
    if (n < 0) {
      throw new TarReader.InputFailure(
          archive + ": truncated inside entry '" + entry + "', " + remaining + " bytes missing",
          null);
    }
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
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
  public int available() {
    return 0;
  }

  /** Reads and discards what the visitor left, so that truncation is noticed. */
  void drain() throws IOException {
    skip(remaining);
  }

  @Override
  public void close() {
    // The archive stays open for the next entry.
  }
}
