package dev.temper.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a size such as {@code 1048576}, {@code 512KiB}, {@code 16MiB} or {@code 1GiB}. */
final class ByteSizeConverter implements ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})\\s*(|kib|mib|gib)");

  @Override
  public Long convert(String value) {
    Matcher matcher = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a size; write bytes, or a number with KiB, MiB or GiB");
    }
    int shift =
        switch (matcher.group(2)) {
          case "kib" -> 10;
          case "mib" -> 20;
          case "gib" -> 30;
          default -> 0;
        };
    long number;
    try {
      number = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    if (number < 1) {
      throw new TypeConversionException("the size must be at least 1 byte, got '" + value + "'");
    }
    if (number > Long.MAX_VALUE >> shift) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    return number << shift;
  }
}
