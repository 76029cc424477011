package dev.temper.build;

import java.util.regex.Pattern;

/**
 * A shell-style pattern over image paths or package names: {@code *} matches within one path
 * segment, {@code **} across segments, {@code ?} one character. A pattern that names a directory
 * also matches everything below it.
 */
final class Glob {
  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern) {
    this.pattern = pattern;
    this.regex = Pattern.compile(toRegex(pattern) + "(/.*)?");
  }

  /** Compiles a pattern, ignoring a leading {@code /}. */
  static Glob of(String pattern) {
    return new Glob(normalize(pattern));
  }

  /** Strips the leading and trailing {@code /} of an image path pattern. */
  static String normalize(String pattern) {
    String trimmed = pattern.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  /** Returns whether the path or name, or one of its parent directories, matches. */
  boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  private static String toRegex(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        out.append(".*");
        i++;
      } else if (c == '*') {
        out.append("[^/]*");
      } else if (c == '?') {
        out.append("[^/]");
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
