package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads deb822 control data (Packages indexes, status files, control files) as a stream of fields,
 * without building a map per paragraph. Lines are split on LF with a trailing CR removed. A line
 * that starts with a space or tab continues the previous field, a line that starts with '#' is a
 * comment, and an empty or whitespace-only line ends a paragraph.
 */
final class Deb822Reader {
  /**
   * Maximum length of one line in bytes, counting its line feed. A longer line is treated as
   * hostile input, so the reader never buffers more than this.
   */
  static final int MAX_LINE_BYTES = 1 << 20;

  /** Maximum length of one field value in characters, continuation lines included. */
  static final int MAX_FIELD_CHARS = 1 << 20;

  /** Receives the fields of each paragraph in order. */
  interface Handler {
    /**
     * Returns an id for the field with this name, or {@link #SKIP} for a field the handler does not
     * need; only fields with an id reach {@link #field}, so skipped fields cost no string.
     */
    int fieldId(byte[] buffer, int nameStart, int nameLength);

    /** Receives a wanted field's value, its continuation lines joined with LF. */
    void field(int fieldId, String value) throws InvalidInputException;

    /** Ends the paragraph whose first line has this 1-based number. */
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

  private int currentField = SKIP;
  private String firstValue;
  private StringBuilder continued;
  private boolean inParagraph;
  private long paragraphLine;

  Deb822Reader(InputStream in, String displayName) {
    this.in = in;
    this.displayName = displayName;
  }

  /** Reads the whole stream, passing every paragraph to the handler. */
  void read(Handler handler) throws IOException, InvalidInputException {
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

      if (isBlank(lineStart, contentEnd)) {
        endParagraph(handler);
      } else if (buffer[lineStart] == ' ' || buffer[lineStart] == '\t') {
        continueField(lineStart, contentEnd);
      } else if (buffer[lineStart] != '#') {
        startField(handler, lineStart, contentEnd);
      }
    }
    endParagraph(handler);
  }

  private void endParagraph(Handler handler) throws InvalidInputException {
    if (inParagraph) {
      flush(handler);
      handler.endParagraph(paragraphLine);
      inParagraph = false;
    }
  }

  private void continueField(int lineStart, int contentEnd) throws InvalidInputException {
    if (!inParagraph) {
      throw error("continuation line without a field before it");
    }
    if (currentField == SKIP) {
      return;
    }
    if (continued == null) {
      continued = new StringBuilder(firstValue);
    }
    continued.append('\n').append(decode(lineStart + 1, contentEnd).strip());
    if (continued.length() > MAX_FIELD_CHARS) {
      throw error("field value longer than " + MAX_FIELD_CHARS + " characters");
    }
  }

  private void startField(Handler handler, int lineStart, int contentEnd)
      throws InvalidInputException {
    flush(handler);
    int colon = indexOf(lineStart, contentEnd, (byte) ':');
    if (colon < 0) {
      throw error("expected 'Field: value'");
    }
    checkFieldName(lineStart, colon);
    if (!inParagraph) {
      inParagraph = true;
      paragraphLine = lineNumber;
    }
    currentField = handler.fieldId(buffer, lineStart, colon - lineStart);
    firstValue = currentField == SKIP ? null : decode(colon + 1, contentEnd).strip();
  }

  /** Checks the name against deb822: printable ASCII without space or colon, not led by '-'. */
  private void checkFieldName(int from, int to) throws InvalidInputException {
    boolean valid = to > from && buffer[from] != '-';
    for (int i = from; valid && i < to; i++) {
      valid = buffer[i] > ' ' && buffer[i] < 0x7f;
    }
    if (!valid) {
      String name = RelationParser.quote(decode(from, to));
      throw error("invalid field name '" + name + "'");
    }
  }

  private void flush(Handler handler) throws InvalidInputException {
    if (currentField != SKIP) {
      handler.field(currentField, continued == null ? firstValue : continued.toString());
    }
    currentField = SKIP;
    firstValue = null;
    continued = null;
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
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
        // The line being read has not been counted yet.
        lineNumber++;
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

  private InvalidInputException error(String problem) {
    return new InvalidInputException(displayName + ": line " + lineNumber + ": " + problem);
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
