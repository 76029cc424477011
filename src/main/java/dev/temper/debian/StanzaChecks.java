package dev.temper.debian;

/** Checks of single Packages index fields, each throwing a message that names the value. */
final class StanzaChecks {
  private StanzaChecks() {}

  /** Parses a non-negative decimal count such as {@code Size}, of at most 18 digits. */
  static long parseCount(String text, String fieldName) {
    // 18 digits cannot overflow a long.
    boolean valid = !text.isEmpty() && text.length() <= 18;
    long result = 0;
    for (int i = 0; valid && i < text.length(); i++) {
      char c = text.charAt(i);
      valid = c >= '0' && c <= '9';
      result = result * 10 + (c - '0');
    }
    if (!valid) {
      throw new IllegalArgumentException("invalid " + fieldName + " '" + text + "'");
    }
    return result;
  }

  /** Returns the digest if it is 64 lower-case hex digits, as Debian archives write SHA-256. */
  static String checkSha256(String text) {
    if (!isSha256(text)) {
      throw new IllegalArgumentException(
          "invalid SHA256 '" + RelationParser.quote(text) + "': expected 64 lower-case hex digits");
    }
    return text;
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
   * Returns the Filename unless it could reach outside the archive or name a directory: an absolute
   * path, a {@code .} or {@code ..} segment, an empty segment, a trailing '/', a backslash or a
   * control character.
   */
  static String checkFilename(String filename) {
    boolean unsafe = filename.startsWith("/") || filename.endsWith("/");
    unsafe |= filename.contains("\\") || filename.contains("//");
    for (String segment : filename.split("/")) {
      unsafe |= segment.equals("..") || segment.equals(".");
    }
    for (int i = 0; i < filename.length() && !unsafe; i++) {
      unsafe = filename.charAt(i) < 0x20 || filename.charAt(i) == 0x7f;
    }
    if (unsafe) {
      throw new IllegalArgumentException(
          "unsafe Filename '" + RelationParser.quote(filename) + "'");
    }
    return filename;
  }

  /** Checks an Architecture value: {@code all} or a dpkg architecture name, {@code [a-z0-9-]+}. */
  static void checkArchitecture(String architecture) {
    boolean valid = RelationParser.isLowerAlphanumeric(architecture.charAt(0));
    for (int i = 1; valid && i < architecture.length(); i++) {
      char c = architecture.charAt(i);
      valid = RelationParser.isLowerAlphanumeric(c) || c == '-';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid Architecture '" + RelationParser.quote(architecture) + "'");
    }
  }
}
