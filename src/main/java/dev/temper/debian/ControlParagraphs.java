package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads deb822 paragraphs (dpkg status files, control files, machine-readable copyright files) and
 * hands each one over as a map of the wanted fields. The line and size limits of the Packages index
 * reader apply, so a hostile file cannot make it buffer more than one long line.
 */
public final class ControlParagraphs {
  /** Receives one paragraph at a time. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Handles one paragraph.
     *
     * @param fields the wanted fields present in the paragraph, keyed by the name as the caller
     *     spelled it; continuation lines are joined with LF
     * @param firstLine the 1-based number of the paragraph's first line
     */
    void paragraph(Map<String, String> fields, long firstLine) throws InvalidInputException;
  }

  private ControlParagraphs() {}

  /**
   * Reads every paragraph of the stream.
   *
   * @param fieldNames the fields to keep; lookup ignores case as deb822 does
   * @param displayName names the file in error messages
   * @throws InvalidInputException naming the file and line of a malformed line
   */
  public static void read(
      InputStream in, String displayName, List<String> fieldNames, Handler handler)
      throws IOException, InvalidInputException {
    byte[][] lowerNames = new byte[fieldNames.size()][];
    for (int i = 0; i < lowerNames.length; i++) {
      lowerNames[i] =
          fieldNames.get(i).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
    Map<String, String> current = new HashMap<>();
    new Deb822Reader(in, displayName)
        .read(
            new Deb822Reader.Handler() {
              @Override
              public int fieldId(byte[] buffer, int nameStart, int nameLength) {
                for (int i = 0; i < lowerNames.length; i++) {
                  if (Deb822Reader.nameEquals(buffer, nameStart, nameLength, lowerNames[i])) {
                    return i;
                  }
                }
                return Deb822Reader.SKIP;
              }

              @Override
              public void field(int fieldId, String value) {
                current.putIfAbsent(fieldNames.get(fieldId), value);
              }

              @Override
              public void endParagraph(long firstLine) throws InvalidInputException {
                Map<String, String> fields = Collections.unmodifiableMap(new HashMap<>(current));
                current.clear();
                handler.paragraph(fields, firstLine);
              }
            });
  }
}
