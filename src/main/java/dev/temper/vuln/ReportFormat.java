package dev.temper.vuln;

import java.io.IOException;
import java.io.Writer;

/** The output formats of a scan report. */
public enum ReportFormat {
  /** A plain-text table for people, with warnings and suppressed findings below it. */
  TABLE,
  /** temper's own JSON, with every field of every finding. */
  JSON,
  /** SARIF 2.1.0, for code-scanning dashboards. */
  SARIF,
  /** A CycloneDX 1.6 BOM with the affected components and a vulnerabilities section. */
  CYCLONEDX;

  /** Writes {@code report} to {@code out} in this format. */
  public void render(ScanReport report, String toolVersion, Writer out) throws IOException {
    switch (this) {
      case TABLE -> TableRenderer.render(report, out);
      case JSON -> JsonRenderer.render(report, toolVersion, out);
      case SARIF -> SarifRenderer.render(report, toolVersion, out);
      case CYCLONEDX -> CycloneDxRenderer.render(report, toolVersion, out);
    }
    out.flush();
  }
}
