package dev.temper.cli;

import dev.temper.error.TemperException;
import dev.temper.sbom.Inventory;
import dev.temper.vuln.AdvisoryStore;
import dev.temper.vuln.Finding;
import dev.temper.vuln.ScanOptions;
import dev.temper.vuln.inventory.ImageScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts the vulnerability findings of inventories by severity, for diff and report. */
final class FindingCounts implements AutoCloseable {
  private final AdvisoryStore store;

  private FindingCounts(AdvisoryStore store) {
    this.store = store;
  }

  /** Opens the advisory database if it exists; without one every count is empty. */
  static FindingCounts open(Path database) throws java.io.IOException, TemperException {
    return new FindingCounts(
        Files.isRegularFile(database) ? AdvisoryStore.open(database, Clock.systemUTC()) : null);
  }

  /** Returns whether there is advisory data to count with. */
  boolean available() {
    return store != null;
  }

  /** Returns the findings of the inventory by lower-case severity, empty without a database. */
  Map<String, Integer> count(Inventory inventory) throws TemperException {
    Map<String, Integer> counts = new TreeMap<>();
    if (store == null) {
      return counts;
    }
    for (Finding finding :
        new ImageScan(store, Clock.systemUTC())
            .scan(inventory, ScanOptions.defaults())
            .findings()) {
      counts.merge(finding.severity().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return counts;
  }

  @Override
  public void close() throws TemperException {
    if (store != null) {
      store.close();
    }
  }
}
