package dev.temper.patch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.temper.build.SpecLoader;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the exact-version requests ({@code name=version}) in a spec file with their lines, and
 * moves them to new versions by editing those lines alone, so that comments and layout stay.
 */
final class SpecPins {
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * A pin and the version to move it to.
   *
   * @param pin the request in the spec
   * @param version the new version
   */
  record Move(SpecPin pin, String version) {}

  private SpecPins() {}

  /**
   * Returns the entries of the spec's {@code packages} list that name a version, in file order.
   * Call after {@link SpecLoader#load}, which checks the spec.
   */
  static List<SpecPin> read(Path specFile) throws IOException {
    List<SpecPin> pins = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(specFile.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return List.of();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean packages = parser.currentName().equals("packages");
        JsonToken value = parser.nextToken();
        if (!packages || value != JsonToken.START_ARRAY) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          parse(specFile, parser.getText(), parser.currentTokenLocation()).ifPresent(pins::add);
        }
      }
    }
    return List.copyOf(pins);
  }

  /** Returns the pin of a {@code name[:arch]=version} request, or empty for other requests. */
  private static Optional<SpecPin> parse(Path specFile, String request, JsonLocation location) {
    String text = request.strip();
    int equals = text.indexOf('=');
    if (equals < 0) {
      return Optional.empty();
    }
    String nameAndArch = text.substring(0, equals);
    int colon = nameAndArch.indexOf(':');
    String name = colon < 0 ? nameAndArch : nameAndArch.substring(0, colon);
    Optional<String> architecture =
        colon < 0 ? Optional.empty() : Optional.of(nameAndArch.substring(colon + 1));
    if (architecture.isPresent() && List.of("native", "all").contains(architecture.get())) {
      architecture = Optional.empty();
    }
    return Optional.of(
        new SpecPin(
            specFile,
            request,
            name,
            architecture,
            text.substring(equals + 1),
            location.getLineNr(),
            location.getColumnNr()));
  }

  /**
   * Rewrites each pin of {@code moves} to its new version, in place of the old text on its line,
   * and replaces the spec file atomically. The spec is loaded again afterwards, and restored if it
   * no longer reads as the moved requests.
   *
   * @throws InvalidInputException if a pin's text is not on its line as written, as with an escaped
   *     YAML string, or if the edited spec reads differently
   */
  static void move(Path specFile, List<Move> moves) throws IOException, InvalidInputException {
    byte[] original = Files.readAllBytes(specFile);
    String text = new String(original, StandardCharsets.UTF_8);
    List<Move> backwards = new ArrayList<>(moves);
    backwards.sort(
        Comparator.comparingInt((Move m) -> m.pin().line())
            .thenComparingInt(m -> m.pin().column())
            .reversed());
    StringBuilder edited = new StringBuilder(text);
    for (Move move : backwards) {
      int start = offset(text, move.pin());
      edited.replace(
          start, start + move.pin().request().length(), move.pin().withVersion(move.version()));
    }
    write(specFile, edited.toString().getBytes(StandardCharsets.UTF_8));
    try {
      checkMoved(specFile, moves);
    } catch (IOException | InvalidInputException | RuntimeException e) {
      write(specFile, original);
      throw e;
    }
  }

  private static void checkMoved(Path specFile, List<Move> moves)
      throws IOException, InvalidInputException {
    List<String> requests = SpecLoader.load(specFile).packages();
    for (Move move : moves) {
      if (!requests.contains(move.pin().withVersion(move.version()))) {
        throw new InvalidInputException(
            move.pin().location()
                + ": moving the pin "
                + move.pin().request()
                + " to "
                + move.pin().withVersion(move.version())
                + " changed how the spec reads; edit that line by hand");
      }
    }
  }

  /** Returns where the pin's text starts in the file, searching its line from its column. */
  private static int offset(String text, SpecPin pin) throws InvalidInputException {
    int lineStart = 0;
    for (int line = 1; line < pin.line() && lineStart >= 0; line++) {
      int newline = text.indexOf('\n', lineStart);
      lineStart = newline < 0 ? -1 : newline + 1;
    }
    int lineEnd = lineStart < 0 ? -1 : text.indexOf('\n', lineStart);
    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
    int found =
        lineStart < 0 ? -1 : text.indexOf(pin.request(), lineStart + Math.max(0, pin.column() - 1));
    if (found < 0 || found + pin.request().length() > lineEnd) {
      throw new InvalidInputException(
          pin.location()
              + ": the pin "
              + pin.request()
              + " is not written as plain text on that line; edit it by hand");
    }
    return found;
  }

  /** Replaces the file with {@code bytes} through a copy that keeps its permissions. */
  static void write(Path file, byte[] bytes) throws IOException {
    Path temp =
        file.resolveSibling(
            "." + file.getFileName() + ".pin-" + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.copy(
          file, temp, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
