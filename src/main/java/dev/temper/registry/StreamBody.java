package dev.temper.registry;

import dev.temper.archive.LimitedInputStream;
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

  /** Returns the body of {@code length} bytes of {@code source}, from byte {@code offset} on. */
  static StreamBody range(BlobSource source, long offset, long length) {
    return new StreamBody(
        () -> {
          InputStream in = source.open();
          try {
            in.skipNBytes(offset);
          } catch (IOException e) {
            in.close();
            throw e;
          }
          return new LimitedInputStream(in, length);
        },
        length);
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
