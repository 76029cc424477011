package dev.temper.vuln;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Imports one file into a store and prints the number of OSV records stored. {@link
 * LargeImportTest} runs it in a child JVM with a small heap.
 */
public final class LargeImportMain {
  private LargeImportMain() {}

  public static void main(String[] args) throws Exception {
    try (AdvisoryStore store = AdvisoryStore.open(Path.of(args[1]), Clock.systemUTC())) {
      ImportReport report =
          new AdvisoryImporter(store, null, AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES)
              .importAll(List.of(ImportInput.of(args[0])));
      System.out.println(
          "stored "
              + report.recordsStored(AdvisorySource.OSV)
              + " problems "
              + report.problemCount());
    }
  }
}
