package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of the single deb822 paragraph that a Release file consists of. Field names are
 * case-insensitive. A value folded over several lines keeps its line breaks, and each continuation
 * line loses its leading whitespace.
 */
final class ReleaseParagraph {
  private final Map<String, String> fields;
  private final String displayName;

  private ReleaseParagraph(Map<String, String> fields, String displayName) {
    this.fields = fields;
    this.displayName = displayName;
  }

  /**
   * Parses the text of one deb822 paragraph.
   *
   * @throws InvalidInputException naming the file and line when a line is neither a field nor a
   *     continuation, when a field repeats, or when a second paragraph follows
   */
  static ReleaseParagraph parse(String text, String displayName) throws InvalidInputException {
    Map<String, String> fields = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    String current = null;
    boolean ended = false;
    for (int i = 0; i < lines.length; i++) {
      String line = stripLineEnd(lines[i]);
      int lineNumber = i + 1;
      if (line.isBlank()) {
        ended = current != null;
        continue;
      }
      if (ended) {
        throw invalid(displayName, lineNumber, "a second paragraph starts here");
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (current == null) {
          throw invalid(displayName, lineNumber, "continuation line before the first field");
        }
        fields.merge(current, "\n" + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon > 0 ? line.substring(0, colon) : "";
      if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ')) {
        throw invalid(displayName, lineNumber, "expected 'Field: value' but got '" + line + "'");
      }
      current = name.toLowerCase(Locale.ROOT);
      if (fields.putIfAbsent(current, line.substring(colon + 1).strip()) != null) {
        throw invalid(displayName, lineNumber, "field " + name + " appears twice");
      }
    }
    return new ReleaseParagraph(fields, displayName);
  }

  /** Returns the value of a field, or empty when the paragraph lacks it. */
  Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns the value of a field that must be present.
   *
   * @throws InvalidInputException naming the file and the missing field
   */
  String required(String name) throws InvalidInputException {
    Optional<String> value = field(name);
    if (value.isEmpty()) {
      throw new InvalidInputException(displayName + ": missing " + name + " field");
    }
    return value.get();
  }

  private static String stripLineEnd(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static InvalidInputException invalid(String displayName, int line, String problem) {
    return new InvalidInputException(displayName + ": line " + line + ": " + problem);
  }
}
