package dev.temper.sbom;

import dev.temper.debian.ControlParagraphs;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the license names of a machine-readable Debian copyright file (DEP-5): the first line of
 * each {@code License} field in the header paragraph and the files paragraphs. A file in another
 * format yields no names: the license is then unknown, never guessed.
 */
final class Dep5Copyright {
  private static final List<String> FIELDS = List.of("Format", "Files", "License");

  /** Stops reading a file whose first paragraph shows it is not machine-readable. */
  private static final class NotMachineReadable extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    NotMachineReadable() {
      super("not a machine-readable copyright file");
    }
  }

  private Dep5Copyright() {}

  /** Returns the distinct license names in file order; empty for a file in another format. */
  static List<String> licenses(InputStream in, String path) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    boolean[] first = {true};
    try {
      ControlParagraphs.read(
          in,
          path,
          FIELDS,
          (Map<String, String> fields, long line) -> {
            if (first[0]) {
              first[0] = false;
              String format = fields.get("Format");
              if (format == null || !format.contains("copyright-format")) {
                throw new NotMachineReadable();
              }
            } else if (!fields.containsKey("Files")) {
              return; // a stand-alone license paragraph repeats a name used above
            }
            String license = fields.get("License");
            if (license != null) {
              String firstLine = license.split("\n", 2)[0].strip();
              if (!firstLine.isEmpty()) {
                names.add(firstLine);
              }
            }
          });
    } catch (InvalidInputException e) {
      return List.of();
    }
    return new ArrayList<>(names);
  }
}
