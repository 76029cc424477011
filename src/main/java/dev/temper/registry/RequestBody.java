package dev.temper.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The body of a request, of known length, that can be opened again for each attempt. */
interface RequestBody {
  /** The empty body. */
  RequestBody EMPTY = of(new byte[0]);

  /** Returns the number of bytes that {@link #open} gives. */
  long contentLength();

  /** Opens the bytes from their first byte. The caller reads exactly {@link #contentLength}. */
  InputStream open() throws IOException;

  /** Returns a body of the given bytes, which the caller no longer changes. */
  static RequestBody of(byte[] bytes) {
    return new RequestBody() {
      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }
    };
  }
}
