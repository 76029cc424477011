package dev.temper.debian.deb;

import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.debian.ControlParagraphs;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses the files of a {@code .deb}'s control member. */
final class ControlMember {
  /** The scripts that dpkg runs around installation; {@code config} is run by debconf. */
  static final Set<String> MAINTAINER_SCRIPTS =
      Set.of("preinst", "postinst", "prerm", "postrm", "config");

  private static final List<String> REQUIRED_FIELDS = List.of("Package", "Version", "Architecture");
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

  private ControlMember() {}

  /** The parsed control files; {@code md5sums} is null when the package has none. */
  record Parsed(
      byte[] controlFile,
      Map<String, String> fields,
      Map<String, String> md5sums,
      List<String> conffiles,
      List<String> maintainerScripts,
      List<String> controlFiles) {}

  static Parsed parse(List<FileEntry> entries, String member) throws InvalidInputException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (FileEntry entry : entries) {
      if (entry.type() == EntryType.FILE) {
        files.put(entry.path(), readAll(entry));
      }
    }
    byte[] control = files.get("control");
    if (control == null) {
      throw new InvalidInputException(member + ": no 'control' file");
    }
    Map<String, String> fields = ControlParagraphs.readSingle(control, member + " control");
    for (String required : REQUIRED_FIELDS) {
      boolean present = fields.keySet().stream().anyMatch(required::equalsIgnoreCase);
      if (!present) {
        throw new InvalidInputException(member + " control: missing field '" + required + "'");
      }
    }
    byte[] md5sums = files.get("md5sums");
    byte[] conffiles = files.get("conffiles");
    List<String> scripts =
        files.keySet().stream().filter(MAINTAINER_SCRIPTS::contains).sorted().toList();
    return new Parsed(
        control,
        fields,
        md5sums == null ? null : parseMd5sums(md5sums, member + " md5sums"),
        conffiles == null ? List.of() : parseConffiles(conffiles),
        scripts,
        List.copyOf(files.keySet()));
  }

  /** Parses lines of {@code <md5 hex> <path>} into a map from path in normal form to MD5. */
  static Map<String, String> parseMd5sums(byte[] content, String name)
      throws InvalidInputException {
    Map<String, String> sums = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int space = line.indexOf(' ');
      String md5 = space < 0 ? line : line.substring(0, space);
      String path = space < 0 ? "" : line.substring(space).strip();
      while (path.startsWith("./") || path.startsWith("/")) {
        path = path.substring(path.startsWith("/") ? 1 : 2);
      }
      if (!MD5.matcher(md5).matches() || path.isEmpty()) {
        throw new InvalidInputException(
            name + ": line " + lineNumber + ": expected '<md5 in hex>  <path>'");
      }
      sums.put(path, md5);
    }
    return Collections.unmodifiableMap(sums);
  }

  /** Returns the paths of {@code conffiles}, dropping flags such as {@code remove-on-upgrade}. */
  static List<String> parseConffiles(byte[] content) {
    List<String> paths = new ArrayList<>();
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int slash = trimmed.indexOf('/');
      paths.add(slash < 0 ? trimmed : trimmed.substring(slash));
    }
    return List.copyOf(paths);
  }

  private static byte[] readAll(FileEntry entry) {
    try (InputStream in = entry.content().open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError("content read into memory does not fail", e);
    }
  }
}
