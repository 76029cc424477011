package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the wanted fields of one stanza at a time and builds the package at its end. */
final class StanzaCollector implements Deb822Reader.Handler {
  /** The fields that are kept, as they are spelled in messages; lookup ignores case. */
  private static final String[] FIELD_NAMES = {
    "Package",
    "Version",
    "Architecture",
    "Multi-Arch",
    "Essential",
    "Priority",
    "Section",
    "Source",
    "Installed-Size",
    "Filename",
    "Size",
    "SHA256",
    "Depends",
    "Pre-Depends",
    "Provides",
    "Breaks",
    "Conflicts"
  };

  private static final int PACKAGE = 0;
  private static final int VERSION = 1;
  private static final int ARCHITECTURE = 2;
  private static final int MULTI_ARCH = 3;
  private static final int ESSENTIAL = 4;
  private static final int PRIORITY = 5;
  private static final int SECTION = 6;
  private static final int SOURCE = 7;
  private static final int INSTALLED_SIZE = 8;
  private static final int FILENAME = 9;
  private static final int SIZE = 10;
  private static final int SHA256 = 11;
  private static final int DEPENDS = 12;
  private static final int PRE_DEPENDS = 13;
  private static final int PROVIDES = 14;
  private static final int BREAKS = 15;
  private static final int CONFLICTS = 16;

  private static final byte[][] FIELD_BYTES = new byte[FIELD_NAMES.length][];

  static {
    for (int i = 0; i < FIELD_NAMES.length; i++) {
      FIELD_BYTES[i] = FIELD_NAMES[i].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final PackageOrigin origin;
  private final String displayName;
  private final String[] values = new String[FIELD_NAMES.length];
  private final List<BinaryPackage> packages = new ArrayList<>();
  // Architectures, priorities, sections and source names repeat thousands of times.
  private final Map<String, String> interned = new HashMap<>();
  private String duplicateField;

  StanzaCollector(PackageOrigin origin, String displayName) {
    this.origin = origin;
    this.displayName = displayName;
  }

  /** Returns the packages built so far, in index order. */
  List<BinaryPackage> packages() {
    return packages;
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
    if (values[fieldId] != null && duplicateField == null) {
      duplicateField = FIELD_NAMES[fieldId];
    }
    values[fieldId] = value;
  }

  @Override
  public void endParagraph(long firstLine) throws InvalidInputException {
    try {
      packages.add(build());
    } catch (IllegalArgumentException e) {
      String where = displayName + ": line " + firstLine + ": ";
      String name = values[PACKAGE];
      if (name != null && RelationParser.isValidPackageName(name)) {
        where += "package " + name + ": ";
      }
      throw new InvalidInputException(where + e.getMessage(), e);
    } finally {
      Arrays.fill(values, null);
      duplicateField = null;
    }
  }

  private BinaryPackage build() {
    if (duplicateField != null) {
      throw new IllegalArgumentException("duplicate field " + duplicateField);
    }
    String name = required(PACKAGE);
    if (!RelationParser.isValidPackageName(name)) {
      throw new IllegalArgumentException("invalid package name '" + name + "'");
    }
    Version version = parseVersion(required(VERSION), "Version");
    String architecture = intern(required(ARCHITECTURE));
    String filename = StanzaChecks.checkFilename(required(FILENAME));
    long size = StanzaChecks.parseCount(required(SIZE), "Size");
    String sha256 = StanzaChecks.checkSha256(required(SHA256));
    StanzaChecks.checkArchitecture(architecture);

    String sourceName = name;
    Version sourceVersion = version;
    String source = values[SOURCE];
    if (source != null && !source.isEmpty()) {
      int open = source.indexOf('(');
      sourceName = (open < 0 ? source : source.substring(0, open)).strip();
      if (open >= 0) {
        sourceVersion = parseSourceVersion(source, open);
      }
      if (!RelationParser.isValidPackageName(sourceName)) {
        throw new IllegalArgumentException("invalid Source '" + source + "': invalid name");
      }
      sourceName = intern(sourceName);
    }

    String installed = values[INSTALLED_SIZE];
    long installedSize =
        installed == null ? 0 : StanzaChecks.parseCount(installed, "Installed-Size");
    BinaryPackage.Fields relations =
        new BinaryPackage.Fields(
            values[DEPENDS],
            values[PRE_DEPENDS],
            values[PROVIDES],
            values[BREAKS],
            values[CONFLICTS]);
    return new BinaryPackage(
        name,
        version,
        architecture,
        MultiArch.parse(values[MULTI_ARCH]),
        "yes".equalsIgnoreCase(values[ESSENTIAL]),
        intern(values[PRIORITY]),
        intern(values[SECTION]),
        sourceName,
        sourceVersion,
        installedSize,
        filename,
        size,
        sha256,
        origin,
        relations);
  }

  private static Version parseSourceVersion(String source, int open) {
    int close = source.indexOf(')', open);
    if (close < 0 || !source.substring(close + 1).isBlank()) {
      throw new IllegalArgumentException(
          "invalid Source '" + source + "': expected 'name' or 'name (version)'");
    }
    try {
      return Version.parse(source.substring(open + 1, close));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid Source '" + source + "': " + e.getMessage());
    }
  }

  private static Version parseVersion(String text, String fieldName) {
    try {
      return Version.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + fieldName + ": " + e.getMessage());
    }
  }

  private String required(int field) {
    String value = values[field];
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing field " + FIELD_NAMES[field]);
    }
    return value;
  }

  private String intern(String value) {
    return value == null ? null : interned.computeIfAbsent(value, v -> v);
  }
}
