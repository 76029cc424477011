package dev.temper.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A response body that notices interrupts, fails when it ends before its announced length, and
 * gives its connection back for the next request once it was read to its end.
 */
final class ResponseBody extends FilterInputStream {
  // A body must bring this many bytes per request timeout: 1 KiB a minute at the default.
  private static final int MIN_BYTES_PER_WINDOW = 1024;

  private final ConnectionPool pool;
  private final HttpConnection connection;
  private final long announced;
  private final boolean reusable;
  private final long window;
  private long received;
  private boolean done;
  private long windowStart = System.nanoTime();
  private long windowBytes;

  /**
   * @param announced the length the response announced, or -1 when the framing ends the body
   * @param reusable whether the connection may serve another request after this body
   * @param timeout the span in which at least {@value #MIN_BYTES_PER_WINDOW} bytes must arrive
   */
  ResponseBody(
      InputStream in,
      ConnectionPool pool,
      HttpConnection connection,
      long announced,
      boolean reusable,
      Duration timeout) {
    super(in);
    this.pool = pool;
    this.connection = connection;
    this.announced = announced;
    this.reusable = reusable;
    this.window = timeout.toNanos();
  }

  @Override
  public int read() throws IOException {
    byte[] single = new byte[1];
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkInterrupt();
    if (done) {
      return -1;
    }
    int limit = announced < 0 ? length : (int) Math.min(length, announced - received);
    if (limit == 0 && length > 0) {
      finish();
      return -1;
    }
    int read;
    try {
      read = in.read(buffer, offset, limit);
    } catch (IOException e) {
      done = true;
      connection.close();
      throw e;
    }
    if (read > 0) {
      received += read;
      checkRate(read);
      if (announced >= 0 && received == announced) {
        finish();
      }
    } else if (read < 0) {
      if (announced >= 0 && received < announced) {
        done = true;
        connection.close();
        throw new IOException(
            "the response body ended early, after " + received + " of " + announced + " bytes");
      }
      finish();
    }
    return read;
  }

  @Override
  public long skip(long count) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(count, 0), 8192)];
    long skipped = 0;
    while (skipped < count) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return done ? 0 : in.available();
  }

  @Override
  public void close() {
    if (!done) {
      // A body closed before its end leaves unread bytes on the connection, so the connection
      // closes.
      done = true;
      connection.close();
    }
  }

  private void finish() {
    if (done) {
      return;
    }
    done = true;
    boolean framed = announced >= 0 || in instanceof ChunkedBody chunked && chunked.ended();
    pool.release(connection, reusable && framed);
  }

  /**
   * Fails when fewer than {@value #MIN_BYTES_PER_WINDOW} bytes arrived in a whole timeout span. The
   * read timeout alone lets a server that sends one byte a minute hold a body for weeks.
   */
  private void checkRate(int read) throws SocketTimeoutException {
    windowBytes += read;
    long now = System.nanoTime();
    if (now - windowStart < window) {
      return;
    }
    if (windowBytes < MIN_BYTES_PER_WINDOW) {
      done = true;
      connection.close();
      throw new SocketTimeoutException(
          "the response body arrived too slowly: "
              + windowBytes
              + " bytes in "
              + Duration.ofNanos(now - windowStart).toSeconds()
              + " s");
    }
    windowStart = now;
    windowBytes = 0;
  }

  private void checkInterrupt() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted while reading a response body");
    }
  }
}
