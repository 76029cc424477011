package dev.temper.build;

import dev.temper.error.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The default SOURCE_DATE_EPOCH: the newest {@code Date} of the signed releases the lock records. A
 * rebuild from the same lock thus stamps the same time, and a lock with newer packages a newer one.
 */
final class SourceDate {
  private SourceDate() {}

  /**
   * Returns the newest release date of the lock in seconds since 1970.
   *
   * @throws InvalidInputException when the lock records no parseable date
   */
  static long fromLock(Lock lock) throws InvalidInputException {
    long newest = -1;
    for (Lock.Repository repository : lock.repositories()) {
      if (repository.date() == null) {
        continue;
      }
      newest = Math.max(newest, parse(repository.date()));
    }
    if (newest < 0) {
      throw new InvalidInputException(
          "the lock records no release date: pass --source-date-epoch or run temper lock again");
    }
    return newest;
  }

  private static long parse(String date) throws InvalidInputException {
    try {
      return OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
      } catch (DateTimeParseException again) {
        throw new InvalidInputException("invalid release date in the lock: '" + date + "'", e);
      }
    }
  }
}
