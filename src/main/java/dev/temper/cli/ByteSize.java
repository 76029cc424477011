package dev.temper.cli;

import java.util.Locale;

/** Reads a size such as {@code 1048576}, {@code 512KiB}, {@code 16MiB} or {@code 1GiB}. */
final class ByteSize {
  /** The maximum number of digits in a size, enough for any positive {@code long}. */
  private static final int MAX_DIGITS = 19;

  private ByteSize() {}

  /**
   * Returns the number of bytes that {@code value} stands for: digits, optional white space, then
   * no unit or KiB, MiB or GiB in any case.
   *
   * @throws IllegalArgumentException when the value is not such a size, is 0, or does not fit a
   *     {@code long}
   */
  static long parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    String unit = text.substring(digits).stripLeading();
    int shift =
        switch (unit) {
          case "" -> 0;
          case "kib" -> 10;
          case "mib" -> 20;
          case "gib" -> 30;
          default -> -1;
        };
    if (digits == 0 || digits > MAX_DIGITS || shift < 0) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a size; write bytes, or a number with KiB, MiB or GiB");
    }
    long number;
    try {
      number = Long.parseLong(text.substring(0, digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is too large", e);
    }
    if (number < 1) {
      throw new IllegalArgumentException("the size must be at least 1 byte, got '" + value + "'");
    }
    if (number > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException("'" + value + "' is too large");
    }
    return number << shift;
  }
}
