package dev.temper.registry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;

/**
 * The status line and header fields of an HTTP/1.1 response, read from a connection with bounds on
 * their size. A registry is untrusted, so the reader takes at most {@value #MAX_HEAD_BYTES} bytes
 * and {@value #MAX_FIELDS} fields, and its cost grows linearly with them.
 *
 * @param status the status code
 * @param headers the header fields in the order they arrived
 * @param http10 whether the status line names HTTP/1.0, whose connections close unless the response
 *     asks to keep them
 */
record ResponseHead(int status, Headers headers, boolean http10) {
  static final int MAX_HEAD_BYTES = 256 * 1024;
  static final int MAX_FIELDS = 1000;

  /**
   * Reads one response head: the status line, the fields and the empty line that ends them.
   *
   * @param deadline the {@link System#nanoTime} by which the whole head must have arrived, so that
   *     a server sending it a byte at a time cannot hold the reader for longer
   * @throws EOFException when the connection ends before the first byte of the status line
   * @throws ProtocolException when the head is malformed or too large
   * @throws SocketTimeoutException when the head is still incomplete at the deadline
   */
  static ResponseHead read(InputStream in, long deadline) throws IOException {
    LineReader lines = new LineReader(in, deadline);
    String statusLine = lines.next();
    if (statusLine == null) {
      throw new EOFException("the connection closed before a response arrived");
    }
    int status = status(statusLine);

    Headers.Builder fields = new Headers.Builder();
    String name = null;
    StringBuilder value = null;
    int count = 0;
    String line;
    while (!(line = lines.nextRequired()).isEmpty()) {
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        // An obsolete folded line continues the previous field's value, joined by a space.
        if (name == null) {
          throw new ProtocolException("the response head starts with a folded line");
        }
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        fields.add(name, value.toString().strip());
      }

      if (++count > MAX_FIELDS) {
        throw new ProtocolException("the response has more than " + MAX_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line, colon)) {
        throw new ProtocolException("the response has an invalid header line");
      }
      name = line.substring(0, colon);
      value = new StringBuilder(line.length() - colon).append(line, colon + 1, line.length());
    }
    if (name != null) {
      fields.add(name, value.toString().strip());
    }
    return new ResponseHead(status, fields.build(), statusLine.charAt(7) == '0');
  }

  private static int status(String line) throws ProtocolException {
    // HTTP/1.1 SP 3DIGIT [SP reason]
    boolean version = line.startsWith("HTTP/1.1") || line.startsWith("HTTP/1.0");
    if (!version || line.length() < 12 || line.charAt(8) != ' ') {
      throw new ProtocolException("the response has no valid status line");
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("the response has no valid status line");
      }
      status = status * 10 + (c - '0');
    }
    // 101 would switch protocols, which no request of this client asks for.
    if (line.length() > 12 && line.charAt(12) != ' '
        || status < 100
        || status > 599
        || status == 101) {
      throw new ProtocolException("the response has no valid status line");
    }
    return status;
  }

  private static boolean isToken(String line, int end) {
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads lines ended by CRLF or LF, as ISO-8859-1, counting bytes against the head's limit. */
  private static final class LineReader {
    private final InputStream in;
    private final long deadline;
    private final StringBuilder line = new StringBuilder(128);
    private int total;

    LineReader(InputStream in, long deadline) {
      this.in = in;
      this.deadline = deadline;
    }

    /** Returns the next line, or null when the stream ends before any byte of it. */
    String next() throws IOException {
      line.setLength(0);
      int b;
      boolean any = false;
      while ((b = in.read()) >= 0) {
        any = true;
        if (System.nanoTime() - deadline > 0) {
          throw new SocketTimeoutException("the response head did not arrive in time");
        }
        if (++total > MAX_HEAD_BYTES) {
          throw new ProtocolException(
              "the response head is larger than the limit of " + MAX_HEAD_BYTES + " bytes");
        }
        if (b == '\n') {
          int length = line.length();
          if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
          }
          return line.toString();
        }
        line.append((char) b);
      }
      if (!any) {
        return null;
      }
      throw new EOFException("the connection closed in the middle of the response head");
    }

    String nextRequired() throws IOException {
      String next = next();
      if (next == null) {
        throw new EOFException("the connection closed in the middle of the response head");
      }
      return next;
    }
  }
}
