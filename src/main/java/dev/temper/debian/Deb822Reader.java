package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads deb822 control data (Packages indexes, status files, control files) as a stream of fields,
 * without building a map per paragraph. Lines are split on LF with a trailing CR removed; a line
 * that starts with a space or tab continues the previous field.
 */
final class Deb822Reader {
  /** Longest single line accepted; a longer one is treated as hostile input. */
  static final int MAX_LINE_BYTES = 1 << 20;

  /** Receives the fields of each paragraph in order. */
  interface Handler {
    /**
     * Returns whether the handler wants the value of this field; only then is {@link #field}
     * called, so skipped fields cost no string.
     */
    int fieldId(byte[] buffer, int nameStart, int nameLength);

    void field(int fieldId, String value) throws InvalidInputException;

    void endParagraph(long firstLine) throws InvalidInputException;
  }

  /** Field id returned by {@link Handler#fieldId} for fields that are skipped. */
  static final int SKIP = -1;

  private final InputStream in;
  private final String displayName;
  private byte[] buffer = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private long lineNumber;

  Deb822Reader(InputStream in, String displayName) {
    this.in = in;
    this.displayName = displayName;
  }

  /** Reads the whole stream, passing every paragraph to the handler. */
  void read(Handler handler) throws IOException, InvalidInputException {
    int currentField = SKIP;
    StringBuilder continued = null;
    String firstValue = null;
    boolean inParagraph = false;
    long paragraphLine = 0;

    while (true) {
      int lineEnd = nextLineEnd();
      if (lineEnd < 0) {
        break;
      }
      lineNumber++;
      int lineStart = start;
      int contentEnd = lineEnd;
      if (contentEnd > lineStart && buffer[contentEnd - 1] == '\r') {
        contentEnd--;
      }
      start = Math.min(lineEnd + 1, end);

      if (contentEnd == lineStart) {
        if (inParagraph) {
          flush(handler, currentField, firstValue, continued);
          handler.endParagraph(paragraphLine);
          currentField = SKIP;
          firstValue = null;
          continued = null;
          inParagraph = false;
        }
        continue;
      }

      byte first = buffer[lineStart];
      if (first == ' ' || first == '\t') {
        if (!inParagraph) {
          throw error("continuation line outside a field");
        }
        if (currentField != SKIP) {
          if (continued == null) {
            continued = new StringBuilder(firstValue);
          }
          continued.append('\n').append(decode(lineStart + 1, contentEnd).strip());
        }
        continue;
      }
      if (first == '#') {
        continue;
      }

      flush(handler, currentField, firstValue, continued);
      continued = null;
      int colon = indexOf(lineStart, contentEnd, (byte) ':');
      if (colon <= lineStart) {
        throw error("expected 'Field: value'");
      }
      if (!inParagraph) {
        inParagraph = true;
        paragraphLine = lineNumber;
      }
      currentField = handler.fieldId(buffer, lineStart, colon - lineStart);
      firstValue = currentField == SKIP ? null : decode(colon + 1, contentEnd).strip();
    }
    if (inParagraph) {
      flush(handler, currentField, firstValue, continued);
      handler.endParagraph(paragraphLine);
    }
  }

  private static void flush(Handler handler, int field, String firstValue, StringBuilder continued)
      throws InvalidInputException {
    if (field != SKIP) {
      handler.field(field, continued == null ? firstValue : continued.toString());
    }
  }

  /** Returns the index of the next LF (or of the end of data for a last unterminated line). */
  private int nextLineEnd() throws IOException, InvalidInputException {
    int scanFrom = start;
    while (true) {
      int newline = indexOf(scanFrom, end, (byte) '\n');
      if (newline >= 0) {
        return newline;
      }
      if (eof) {
        return start < end ? end : -1;
      }
      scanFrom = end - start;
      fill();
      scanFrom += start;
    }
  }

  private void fill() throws IOException, InvalidInputException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      if (buffer.length >= MAX_LINE_BYTES) {
        throw error("line longer than " + MAX_LINE_BYTES + " bytes");
      }
      byte[] bigger = new byte[Math.min(buffer.length * 2, MAX_LINE_BYTES)];
      System.arraycopy(buffer, 0, bigger, 0, end);
      buffer = bigger;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }

  private int indexOf(int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private String decode(int from, int to) {
    return new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }

  InvalidInputException error(String problem) {
    return new InvalidInputException(displayName + ": line " + lineNumber + ": " + problem);
  }

  long lineNumber() {
    return lineNumber;
  }

  /** Returns whether the bytes equal the ASCII name, ignoring case as deb822 field names do. */
  static boolean nameEquals(byte[] buffer, int start, int length, byte[] lowerName) {
    if (length != lowerName.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      int c = buffer[start + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lowerName[i]) {
        return false;
      }
    }
    return true;
  }
}
