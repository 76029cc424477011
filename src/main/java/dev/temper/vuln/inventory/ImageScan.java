package dev.temper.vuln.inventory;

import dev.temper.error.TemperException;
import dev.temper.sbom.ImageInventory;
import dev.temper.sbom.Inventory;
import dev.temper.vuln.AdvisoryStore;
import dev.temper.vuln.Release;
import dev.temper.vuln.ScanOptions;
import dev.temper.vuln.ScanReport;
import dev.temper.vuln.Scanner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code temper scan}: turns an image's inventory, read in one walk of its layers, into components
 * and matches them against the advisory store.
 */
public final class ImageScan {
  /** The release reported for an image that has no Debian release to match in. */
  static final Release NO_RELEASE = new Release("unknown", "unknown");

  private final AdvisoryStore store;
  private final Clock clock;

  /** Creates a scan over the store; the clock decides the age of the advisory data. */
  public ImageScan(AdvisoryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Scans the inventory of an image, read with {@link ImageInventory#of}. What the mapping left out
   * (Debian packages without a Debian release, Java archives without coordinates) is added to the
   * report's warnings, ahead of the scanner's own; the inventory's own warnings are the caller's to
   * show.
   *
   * @throws dev.temper.error.InvalidInputException when the store holds no advisories
   */
  public ScanReport scan(Inventory inventory, ScanOptions options) throws TemperException {
    InventoryComponents mapped = InventoryComponents.of(inventory);
    ScanReport report =
        new Scanner(store, clock)
            .scan(mapped.components(), mapped.release().orElse(NO_RELEASE), options);
    List<String> warnings = new ArrayList<>(mapped.notes());
    warnings.addAll(report.warnings());
    return new ScanReport(
        report.release(),
        report.scannedAt(),
        report.componentCount(),
        report.findings(),
        report.suppressed(),
        report.omittedWithoutFix(),
        report.sources(),
        warnings,
        report.failOn());
  }
}
