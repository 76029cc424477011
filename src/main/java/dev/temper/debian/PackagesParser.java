package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Packages index (uncompressed) into {@link BinaryPackage}s. Every stanza must have
 * Package, Version, Architecture, Filename, Size and SHA256, because a package that cannot be
 * downloaded and verified is of no use to a build.
 */
public final class PackagesParser {
  private static final String[] FIELDS = {
    "package",
    "version",
    "architecture",
    "multi-arch",
    "essential",
    "priority",
    "section",
    "source",
    "installed-size",
    "filename",
    "size",
    "sha256",
    "depends",
    "pre-depends",
    "provides",
    "breaks",
    "conflicts"
  };
  private static final byte[][] FIELD_BYTES = new byte[FIELDS.length][];

  static {
    for (int i = 0; i < FIELDS.length; i++) {
      FIELD_BYTES[i] = FIELDS[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private PackagesParser() {}

  /**
   * Parses an uncompressed Packages index.
   *
   * @param origin the index the stanzas come from, recorded on each package
   * @param displayName names the index in error messages
   * @throws InvalidInputException naming the index, the line and the package of a bad stanza
   */
  public static List<BinaryPackage> parse(InputStream in, PackageOrigin origin, String displayName)
      throws IOException, InvalidInputException {
    Deb822Reader reader = new Deb822Reader(in, displayName);
    StanzaCollector collector = new StanzaCollector(reader, origin, displayName);
    reader.read(collector);
    return collector.packages;
  }

  /** Collects the wanted fields of one stanza at a time and builds the package at its end. */
  private static final class StanzaCollector implements Deb822Reader.Handler {
    private final Deb822Reader reader;
    private final PackageOrigin origin;
    private final String displayName;
    private final String[] values = new String[FIELDS.length];
    private final List<BinaryPackage> packages = new ArrayList<>();
    // Architectures, priorities, sections and source names repeat thousands of times.
    private final Map<String, String> interned = new HashMap<>();

    StanzaCollector(Deb822Reader reader, PackageOrigin origin, String displayName) {
      this.reader = reader;
      this.origin = origin;
      this.displayName = displayName;
    }

    @Override
    public int fieldId(byte[] buffer, int nameStart, int nameLength) {
      for (int i = 0; i < FIELD_BYTES.length; i++) {
        if (Deb822Reader.nameEquals(buffer, nameStart, nameLength, FIELD_BYTES[i])) {
          return i;
        }
      }
      return Deb822Reader.SKIP;
    }

    @Override
    public void field(int fieldId, String value) {
      values[fieldId] = value;
    }

    @Override
    public void endParagraph(long firstLine) throws InvalidInputException {
      try {
        packages.add(build());
      } catch (IllegalArgumentException e) {
        String name = values[0] == null ? "stanza at line " + firstLine : "package " + values[0];
        throw new InvalidInputException(displayName + ": " + name + ": " + e.getMessage(), e);
      } finally {
        java.util.Arrays.fill(values, null);
      }
    }

    private BinaryPackage build() {
      String name = required(0, "Package");
      RelationParser.checkPackageName(name, name);
      Version version = Version.parse(required(1, "Version"));
      String architecture = intern(required(2, "Architecture"));
      String filename = required(9, "Filename");
      long size = parseCount(required(10, "Size"), "Size");
      String sha256 = required(11, "SHA256");
      if (!isSha256(sha256)) {
        throw new IllegalArgumentException("invalid SHA256 '" + sha256 + "'");
      }
      checkPoolPath(filename);

      String sourceName = name;
      Version sourceVersion = version;
      String source = values[7];
      if (source != null && !source.isEmpty()) {
        int open = source.indexOf('(');
        if (open >= 0) {
          int close = source.indexOf(')', open);
          if (close < 0) {
            throw new IllegalArgumentException("invalid Source '" + source + "'");
          }
          sourceVersion = Version.parse(source.substring(open + 1, close).strip());
          sourceName = source.substring(0, open).strip();
        } else {
          sourceName = source;
        }
        RelationParser.checkPackageName(sourceName, source);
        sourceName = intern(sourceName);
      }

      long installedSize = values[8] == null ? 0 : parseCount(values[8], "Installed-Size");
      BinaryPackage.Fields relations =
          new BinaryPackage.Fields(values[12], values[13], values[14], values[15], values[16]);
      return new BinaryPackage(
          name,
          version,
          architecture,
          MultiArch.parse(values[3]),
          "yes".equalsIgnoreCase(values[4]),
          intern(values[5]),
          intern(values[6]),
          sourceName,
          sourceVersion,
          installedSize,
          filename,
          size,
          sha256,
          origin,
          relations);
    }

    private String required(int field, String fieldName) {
      String value = values[field];
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("missing field " + fieldName);
      }
      return value;
    }

    private String intern(String value) {
      return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }
  }

  private static long parseCount(String text, String fieldName) {
    if (text.isEmpty() || text.length() > 18) {
      throw new IllegalArgumentException("invalid " + fieldName + " '" + text + "'");
    }
    long result = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("invalid " + fieldName + " '" + text + "'");
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  static boolean isSha256(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Rejects a Filename that could reach outside the archive: absolute paths, {@code ..} segments,
   * backslashes and control characters.
   */
  private static void checkPoolPath(String filename) {
    boolean bad = filename.startsWith("/") || filename.contains("\\") || filename.contains("//");
    for (String segment : filename.split("/")) {
      bad |= segment.equals("..") || segment.equals(".");
    }
    for (int i = 0; i < filename.length() && !bad; i++) {
      bad = filename.charAt(i) < 0x20 || filename.charAt(i) == 0x7f;
    }
    if (bad) {
      throw new IllegalArgumentException("unsafe Filename '" + filename + "'");
    }
  }
}
