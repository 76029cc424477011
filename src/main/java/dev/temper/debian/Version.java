package dev.temper.debian;

import java.util.Objects;

/**
 * A Debian package version, {@code [epoch:]upstream[-revision]}, ordered exactly as {@code dpkg
 * --compare-versions} orders it.
 *
 * <p>Two versions are equal when dpkg compares them as equal, so {@code 1.0}, {@code 0:1.0} and
 * {@code 1.0-0} are equal; {@link #toString()} still returns the text that was parsed.
 */
public final class Version implements Comparable<Version> {
  private final String text;
  private final long epoch;
  private final String upstream;
  private final String revision;
  private final String canonical;

  private Version(String text, long epoch, String upstream, String revision) {
    this.text = text;
    this.epoch = epoch;
    this.upstream = upstream;
    this.revision = revision;
    this.canonical = epoch + ":" + canonicalize(upstream) + "-" + canonicalize(revision);
  }

  /** Maximum epoch that dpkg accepts, because dpkg stores the epoch in a C {@code int}. */
  static final long MAX_EPOCH = Integer.MAX_VALUE;

  /**
   * Parses a version with the checks dpkg applies. Leading and trailing whitespace is ignored, as
   * dpkg ignores it.
   *
   * <p>dpkg only warns about an upstream version that does not start with a digit and about
   * characters outside {@code [A-Za-z0-9.+~-:]} (upstream) or {@code [A-Za-z0-9.+~]} (revision);
   * this method rejects those too, because the archive never contains them. It also rejects a
   * signed epoch such as {@code +1}, which dpkg reads through {@code strtol}.
   *
   * @throws IllegalArgumentException naming the text and the problem, if the text is null or empty,
   *     contains whitespace, has an empty, non-numeric or too big epoch, an empty upstream version
   *     or revision, an upstream version that does not start with a digit, or a character that
   *     Debian policy does not allow
   */
  public static Version parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid version: null");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw invalid(text, "version is empty");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      if (Character.isWhitespace(trimmed.charAt(i))) {
        throw invalid(text, "contains whitespace");
      }
    }

    long epoch = 0;
    String rest = trimmed;
    int colon = trimmed.indexOf(':');
    if (colon >= 0) {
      epoch = parseEpoch(text, trimmed.substring(0, colon));
      rest = trimmed.substring(colon + 1);
      if (rest.isEmpty()) {
        throw invalid(text, "nothing after the epoch colon");
      }
    }

    String upstream = rest;
    String revision = "";
    int hyphen = rest.lastIndexOf('-');
    if (hyphen >= 0) {
      upstream = rest.substring(0, hyphen);
      revision = rest.substring(hyphen + 1);
      if (revision.isEmpty()) {
        throw invalid(text, "revision is empty");
      }
    }
    if (upstream.isEmpty()) {
      throw invalid(text, "upstream version is empty");
    }
    if (!isDigit(upstream.charAt(0))) {
      throw invalid(text, "upstream version must start with a digit");
    }
    checkCharacters(text, upstream, ".-+~:", "upstream version");
    checkCharacters(text, revision, ".+~", "revision");
    return new Version(trimmed, epoch, upstream, revision);
  }

  private static long parseEpoch(String text, String epochText) {
    if (epochText.isEmpty()) {
      throw invalid(text, "epoch is empty");
    }
    int firstNonZero = 0;
    for (int i = 0; i < epochText.length(); i++) {
      if (!isDigit(epochText.charAt(i))) {
        throw invalid(text, "epoch is not a number");
      }
      if (epochText.charAt(i) == '0' && firstNonZero == i) {
        firstNonZero++;
      }
    }
    // Leading zeros are legal, so the length limit applies to the significant digits only.
    String digits = epochText.substring(firstNonZero);
    if (digits.length() > 10 || (!digits.isEmpty() && Long.parseLong(digits) > MAX_EPOCH)) {
      throw invalid(text, "epoch is too big, the maximum is " + MAX_EPOCH);
    }
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }

  private static void checkCharacters(
      String text, String part, String allowedSymbols, String partName) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok = isDigit(c) || isLetter(c) || allowedSymbols.indexOf(c) >= 0;
      if (!ok) {
        throw invalid(text, "invalid character '" + c + "' in " + partName);
      }
    }
  }

  private static IllegalArgumentException invalid(String text, String problem) {
    return new IllegalArgumentException("invalid version '" + text + "': " + problem);
  }

  /** Returns the epoch, 0 when the version has none. */
  public long epoch() {
    return epoch;
  }

  /** Returns the upstream part, between the epoch and the last hyphen. */
  public String upstream() {
    return upstream;
  }

  /** Returns the Debian revision after the last hyphen, or an empty string for native packages. */
  public String revision() {
    return revision;
  }

  @Override
  public int compareTo(Version other) {
    if (epoch != other.epoch) {
      return epoch < other.epoch ? -1 : 1;
    }
    int result = compareParts(upstream, other.upstream);
    if (result != 0) {
      return result;
    }
    return compareParts(revision, other.revision);
  }

  /**
   * Compares two upstream or revision strings with dpkg's algorithm: alternate runs of non-digits,
   * compared character by character with {@link #order}, and runs of digits, compared as numbers.
   * Digit runs are compared digit by digit after their leading zeros, never converted to an integer
   * type, so runs longer than any integer type still compare correctly.
   */
  static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    int lengthA = a.length();
    int lengthB = b.length();
    while (i < lengthA || j < lengthB) {
      while ((i < lengthA && !isDigit(a.charAt(i))) || (j < lengthB && !isDigit(b.charAt(j)))) {
        int orderA = i < lengthA ? order(a.charAt(i)) : 0;
        int orderB = j < lengthB ? order(b.charAt(j)) : 0;
        if (orderA != orderB) {
          return orderA < orderB ? -1 : 1;
        }
        i++;
        j++;
      }
      while (i < lengthA && a.charAt(i) == '0') {
        i++;
      }
      while (j < lengthB && b.charAt(j) == '0') {
        j++;
      }
      int firstDifference = 0;
      while (i < lengthA && isDigit(a.charAt(i)) && j < lengthB && isDigit(b.charAt(j))) {
        if (firstDifference == 0) {
          firstDifference = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < lengthA && isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < lengthB && isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDifference != 0) {
        return firstDifference < 0 ? -1 : 1;
      }
    }
    return 0;
  }

  /**
   * Returns the sort weight dpkg gives a character in a non-digit run: '~' sorts before everything,
   * even the end of the string; letters sort before all other symbols.
   */
  private static int order(char c) {
    if (isDigit(c)) {
      return 0;
    }
    if (isLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Returns a form in which two parts are textually equal exactly when {@link #compareParts}
   * returns 0. Leading zeros of each digit run are dropped, and a final digit run worth zero is
   * dropped too, because dpkg treats it like the end of the string.
   */
  private static String canonicalize(String part) {
    StringBuilder out = new StringBuilder(part.length());
    int i = 0;
    boolean endsWithZeroRun = false;
    while (i < part.length()) {
      char c = part.charAt(i);
      if (!isDigit(c)) {
        out.append(c);
        endsWithZeroRun = false;
        i++;
        continue;
      }
      int start = i;
      while (i < part.length() && isDigit(part.charAt(i))) {
        i++;
      }
      int firstNonZero = start;
      while (firstNonZero < i && part.charAt(firstNonZero) == '0') {
        firstNonZero++;
      }
      endsWithZeroRun = firstNonZero == i;
      out.append(endsWithZeroRun ? "0" : part.substring(firstNonZero, i));
    }
    if (endsWithZeroRun) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version other && canonical.equals(other.canonical);
  }

  @Override
  public int hashCode() {
    return Objects.hash(canonical);
  }

  @Override
  public String toString() {
    return text;
  }
}
