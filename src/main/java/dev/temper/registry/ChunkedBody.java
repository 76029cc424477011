package dev.temper.registry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * The body of a response sent with {@code Transfer-Encoding: chunked}: each chunk is a hexadecimal
 * size line and that many bytes, and a chunk of size 0 followed by optional trailer fields ends it.
 * Size lines and trailers are bounded, so a hostile server cannot make the reader buffer without
 * end.
 */
final class ChunkedBody extends InputStream {
  private static final int MAX_LINE = 4096;
  private static final int MAX_TRAILER_LINES = 100;

  private final InputStream in;
  private long remaining;
  private boolean ended;

  ChunkedBody(InputStream in) {
    this.in = in;
  }

  /** Returns whether the last chunk and the trailers were read. */
  boolean ended() {
    return ended;
  }

  @Override
  public int read() throws IOException {
    byte[] single = new byte[1];
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (ended) {
      return -1;
    }
    if (remaining == 0) {
      remaining = nextChunkSize();
      if (remaining == 0) {
        skipTrailers();
        ended = true;
        return -1;
      }
    }
    int read = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (read < 0) {
      throw new EOFException("the response body ended inside a chunk");
    }
    remaining -= read;
    if (remaining == 0) {
      endOfChunk();
    }
    return read;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(remaining, in.available());
  }

  private long nextChunkSize() throws IOException {
    String line = line();
    int end = line.indexOf(';');
    String hex = (end < 0 ? line : line.substring(0, end)).strip();
    if (hex.isEmpty() || hex.length() > 15) {
      throw new ProtocolException("the response has an invalid chunk size");
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw new ProtocolException("the response has an invalid chunk size");
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private void endOfChunk() throws IOException {
    if (!line().isEmpty()) {
      throw new ProtocolException("the response has a chunk longer than its size");
    }
  }

  private void skipTrailers() throws IOException {
    for (int count = 0; ; count++) {
      if (count > MAX_TRAILER_LINES) {
        throw new ProtocolException("the response has too many trailer fields");
      }
      if (line().isEmpty()) {
        return;
      }
    }
  }

  /** Reads one line ended by CRLF or LF, without the ending. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(16);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r'
            ? line.substring(0, length - 1)
            : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new ProtocolException("the response has a chunk line longer than " + MAX_LINE);
      }
      line.append((char) b);
    }
    throw new EOFException("the response body ended inside a chunk line");
  }
}
