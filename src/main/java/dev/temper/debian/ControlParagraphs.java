package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads deb822 paragraphs (dpkg status files, control files, machine-readable copyright files) and
 * hands each one over as a map of the wanted fields, or returns every field of small files such as
 * a package's {@code control}. The line and size limits of the Packages index reader apply, so a
 * hostile file cannot make it buffer more than one long line.
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

  /**
   * Returns every paragraph as a map from field name, spelled as in the file, to value, in file
   * order. Continuation lines are joined with LF.
   *
   * @throws InvalidInputException for malformed lines, naming the input and the line
   */
  public static List<Map<String, String>> read(InputStream in, String displayName)
      throws IOException, InvalidInputException {
    Collector collector = new Collector(displayName);
    new Deb822Reader(in, displayName).read(collector);
    return Collections.unmodifiableList(collector.paragraphs);
  }

  /**
   * Returns the fields of a file that must hold exactly one paragraph.
   *
   * @throws InvalidInputException when the file is malformed, empty or has more paragraphs
   */
  public static Map<String, String> readSingle(byte[] content, String displayName)
      throws InvalidInputException {
    List<Map<String, String>> paragraphs;
    try {
      paragraphs = read(new ByteArrayInputStream(content), displayName);
    } catch (IOException e) {
      throw new AssertionError("reading a byte array does not fail", e);
    }
    if (paragraphs.size() != 1) {
      throw new InvalidInputException(
          displayName + ": expected one paragraph but found " + paragraphs.size());
    }
    return paragraphs.get(0);
  }

  private static final class Collector implements Deb822Reader.Handler {
    private final String displayName;
    private final List<Map<String, String>> paragraphs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private Map<String, String> current = new LinkedHashMap<>();

    Collector(String displayName) {
      this.displayName = displayName;
    }

    @Override
    public int fieldId(byte[] buffer, int nameStart, int nameLength) {
      names.add(new String(buffer, nameStart, nameLength, StandardCharsets.UTF_8));
      return names.size() - 1;
    }

    @Override
    public void field(int fieldId, String value) throws InvalidInputException {
      String name = names.get(fieldId);
      for (String existing : current.keySet()) {
        if (existing.equalsIgnoreCase(name)) {
          throw new InvalidInputException(
              displayName + ": field '" + name + "' appears twice in one paragraph");
        }
      }
      current.put(name, value);
    }

    @Override
    public void endParagraph(long firstLine) {
      paragraphs.add(Collections.unmodifiableMap(current));
      current = new LinkedHashMap<>();
      names.clear();
    }
  }
}
