package dev.temper.registry;

import dev.temper.archive.LimitedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body of known length read from a stream that can be opened again for each attempt. */
final class StreamBody implements RequestBody {
  /** Opens the body's bytes from their first byte. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  private final Opener opener;
  private final long length;

  private StreamBody(Opener opener, long length) {
    this.opener = opener;
    this.length = length;
  }

  /**
   * Returns the body of {@code length} bytes of {@code source}, from byte {@code offset} on. A
   * failure to read the source, or a source that ends before the range does, is a {@link
   * BodySourceException} that names {@code name}.
   */
  static StreamBody range(BlobSource source, long offset, long length, String name) {
    return new StreamBody(
        () -> {
          InputStream in;
          try {
            in = source.open();
          } catch (IOException e) {
            throw new BodySourceException("cannot read " + name + ": " + e.getMessage(), e);
          }
          try {
            in.skipNBytes(offset);
          } catch (IOException e) {
            in.close();
            throw new BodySourceException("cannot read " + name + ": " + e.getMessage(), e);
          }
          return new CheckedRange(new LimitedInputStream(in, length), length, offset, name);
        },
        length);
  }

  /** The bytes of a range, whose read failures and early end are {@link BodySourceException}s. */
  private static final class CheckedRange extends FilterInputStream {
    private final long length;
    private final long offset;
    private final String name;
    private long read;

    CheckedRange(InputStream in, long length, long offset, String name) {
      super(in);
      this.length = length;
      this.offset = offset;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      byte[] single = new byte[1];
      return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int start, int count) throws IOException {
      int n;
      try {
        n = super.read(buffer, start, count);
      } catch (IOException e) {
        throw new BodySourceException("cannot read " + name + ": " + e.getMessage(), e);
      }
      if (n > 0) {
        read += n;
      } else if (n < 0 && read < length) {
        throw new BodySourceException(
            name + " ended after " + (offset + read) + " of " + (offset + length) + " bytes", null);
      }
      return n;
    }
  }

  @Override
  public InputStream open() throws IOException {
    return opener.open();
  }

  @Override
  public long contentLength() {
    return length;
  }
}
