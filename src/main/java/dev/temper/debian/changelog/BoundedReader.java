package dev.temper.debian.changelog;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** A reader that fails once more than a set number of characters were read. */
final class BoundedReader extends FilterReader {
  private final long limit;
  private final String name;
  private long count;

  BoundedReader(Reader in, long limit, String name) {
    super(in);
    this.limit = limit;
    this.name = name;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count(1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws IOException {
    count += n;
    if (count > limit) {
      throw new ChangelogTooLargeException(
          name + ": changelog is larger than the limit of " + limit + " characters");
    }
  }

  /** Thrown through the reader, whose interface allows only IOException. */
  static final class ChangelogTooLargeException extends IOException {
    ChangelogTooLargeException(String message) {
      super(message);
    }
  }
}
