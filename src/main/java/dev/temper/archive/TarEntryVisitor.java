package dev.temper.archive;

import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;

/** Receives the accepted entries of a tar stream, one at a time, in archive order. */
@FunctionalInterface
public interface TarEntryVisitor {
  /**
   * Handles one entry.
   *
   * @param content the entry's bytes, readable only during this call, empty for types other than
   *     {@link EntryType#FILE}; what the visitor leaves unread is skipped, and closing it is not
   *     needed
   */
  void visit(TarEntryHeader header, InputStream content) throws IOException, TemperException;
}
