package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the RFC 2822 style dates of Release files, such as {@code Sat, 10 Feb 2024 10:00:00 UTC}.
 * The weekday is optional and not checked, the day may have one or two digits, seconds are
 * optional, and the zone may be {@code UTC}, {@code GMT}, {@code UT}, {@code Z} or a numeric
 * offset.
 */
final class ReleaseDates {
  private static final Pattern DATE =
      Pattern.compile(
          "(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})\\s+"
              + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(UTC|GMT|UT|Z|[+-]\\d{2}:?\\d{2})");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private ReleaseDates() {}

  /**
   * Parses a date field value.
   *
   * @param field the field name, for the error message
   * @throws InvalidInputException naming the file, field and value when the value is not a date
   */
  static Instant parse(String value, String field, String displayName)
      throws InvalidInputException {
    Matcher matcher = DATE.matcher(value.strip());
    if (!matcher.matches()) {
      throw invalid(value, field, displayName);
    }
    int month = MONTHS.indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) + 1;
    if (month == 0) {
      throw invalid(value, field, displayName);
    }
    String seconds = matcher.group(6);
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(matcher.group(3)), month, Integer.parseInt(matcher.group(1)));
      LocalTime time =
          LocalTime.of(
              Integer.parseInt(matcher.group(4)),
              Integer.parseInt(matcher.group(5)),
              seconds == null ? 0 : Integer.parseInt(seconds));
      return date.atTime(time).toInstant(offset(matcher.group(7)));
    } catch (DateTimeException e) {
      throw invalid(value, field, displayName);
    }
  }

  /** Formats an instant the way Debian writes Release dates. */
  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  private static InvalidInputException invalid(String value, String field, String displayName) {
    return new InvalidInputException(
        displayName
            + ": invalid "
            + field
            + " '"
            + value
            + "', expected a date such as 'Sat, 10 Feb 2024 10:00:00 UTC'");
  }

  private static ZoneOffset offset(String zone) {
    if (zone.charAt(0) != '+' && zone.charAt(0) != '-') {
      return ZoneOffset.UTC;
    }
    String digits = zone.replace(":", "");
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = Integer.parseInt(digits.substring(3, 5));
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
