package dev.temper.archive;

/** Receives the entries that a lenient {@link TarPolicy} skips instead of rejecting. */
@FunctionalInterface
public interface UnsafeEntryListener {
  /** Ignores every skipped entry. */
  UnsafeEntryListener IGNORE = (archive, entry, problem) -> {};

  /**
   * Reports one skipped entry.
   *
   * @param archive the name of the archive, as the caller gave it
   * @param entry the entry's name as the archive spells it
   * @param problem why it was skipped, such as {@code path contains a '..' segment}
   */
  void skipped(String archive, String entry, String problem);
}
