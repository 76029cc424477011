package dev.temper.registry;

import dev.temper.archive.LimitedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body of known length read from a stream that can be opened again for each attempt. The
 * JDK's HTTP client takes it as any other publisher; {@link BlockingSender} copies the stream
 * directly into the connection in large buffers.
 */
final class StreamBody implements HttpRequest.BodyPublisher {
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

  /** Opens the bytes; the caller reads exactly {@link #contentLength()} of them. */
  InputStream open() throws IOException {
    return opener.open();
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(
                () -> {
                  try {
                    return open();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }),
            length)
        .subscribe(subscriber);
  }
}
