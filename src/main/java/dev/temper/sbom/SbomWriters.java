package dev.temper.sbom;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an inventory in one of the {@link SbomFormat}s. */
public final class SbomWriters {
  private SbomWriters() {}

  /**
   * Writes the inventory to the stream, which stays open. The same inventory always gives the same
   * bytes.
   */
  public static void write(Inventory inventory, SbomFormat format, OutputStream out)
      throws IOException {
    switch (format) {
      case CYCLONEDX_JSON -> new CycloneDxWriter(inventory).write(out);
      case SPDX_JSON -> new SpdxWriter(inventory).write(out);
      case TABLE -> new TableWriter(inventory).write(out);
    }
  }
}
