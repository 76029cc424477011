package dev.temper.vuln;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import: the records it stored and the input it skipped. Every problem names the
 * file (or archive entry) and, where known, the record id. Only the first {@value
 * #MAX_KEPT_PROBLEMS} problems are kept, so that a gigabyte of bad input cannot fill the heap, but
 * all are counted.
 */
public final class ImportReport {
  /** Maximum number of problems kept with their text. */
  public static final int MAX_KEPT_PROBLEMS = 1000;

  /**
   * One skipped document, record, range or field.
   *
   * @param file the input file, or {@code archive!entry} for an entry of a zip archive
   * @param recordId the record id, such as {@code DSA-5514-1} or {@code glibc/CVE-2023-4911}, or
   *     empty when the problem is outside any record
   * @param message what was wrong and what was skipped
   */
  public record Problem(String file, String recordId, String message) {
    @Override
    public String toString() {
      return recordId.isEmpty() ? file + ": " + message : file + ": " + recordId + ": " + message;
    }
  }

  private final List<Problem> problems = new ArrayList<>();
  private final Map<AdvisorySource, Long> records = new EnumMap<>(AdvisorySource.class);
  private long problemCount;

  void problem(String file, String recordId, String message) {
    problemCount++;
    if (problems.size() < MAX_KEPT_PROBLEMS) {
      problems.add(new Problem(file, recordId == null ? "" : recordId, message));
    }
  }

  void recordsStored(AdvisorySource source, long count) {
    records.merge(source, count, Long::sum);
  }

  /** Returns the first problems, in the order they were found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Returns how many problems were found, including those not kept. */
  public long problemCount() {
    return problemCount;
  }

  /**
   * Returns how many records of {@code source} this import stored: OSV records, or (package, CVE)
   * entries of the Debian tracker.
   */
  public long recordsStored(AdvisorySource source) {
    return records.getOrDefault(source, 0L);
  }
}
