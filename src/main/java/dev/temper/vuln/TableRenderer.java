package dev.temper.vuln;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Renders a scan report as aligned plain-text columns. */
final class TableRenderer {
  private static final List<String> HEADER =
      List.of("SEVERITY", "ID", "PACKAGE", "INSTALLED", "FIXED IN", "SOURCE", "LOCATION");

  private TableRenderer() {}

  static void render(ScanReport report, Writer out) throws IOException {
    for (SourceStatus source : report.sources()) {
      Duration age = source.age(report.scannedAt());
      out.write(
          "Advisories: "
              + source.source().title()
              + ", "
              + source.recordCount()
              + " records,"
              + " imported "
              + source.importedAt()
              + " ("
              + age.toDays()
              + " days ago)\n");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Finding finding : report.findings()) {
      rows.add(row(finding));
    }
    if (report.findings().isEmpty()) {
      out.write("No vulnerabilities found in " + report.componentCount() + " components.\n");
    } else {
      writeColumns(rows, out);
      out.write(
          report.findings().size()
              + " vulnerabilities in "
              + report.componentCount()
              + " components.\n");
    }
    if (report.omittedWithoutFix() > 0) {
      out.write(
          report.omittedWithoutFix() + " findings without a fix are not shown (--only-fixed).\n");
    }
    for (Suppression suppression : report.suppressed()) {
      Finding finding = suppression.finding();
      out.write(
          "Suppressed "
              + finding.id()
              + " in "
              + finding.component().name()
              + " "
              + finding.component().version()
              + ": "
              + suppression.reason()
              + "\n");
    }
    for (String warning : report.warnings()) {
      out.write("Warning: " + warning + "\n");
    }
    for (Finding finding : report.policyViolations()) {
      out.write(
          "Policy failed: "
              + finding.id()
              + " in "
              + finding.component().name()
              + " is "
              + finding.severity().label()
              + ", at or above "
              + report.failOn().get().label()
              + "\n");
    }
  }

  private static List<String> row(Finding finding) {
    Component component = finding.component();
    String fixed = finding.fixedVersion().orElse("(" + finding.status().label() + ")");
    String location = component.path().isEmpty() ? "" : component.path();
    if (!component.layer().isEmpty()) {
      location = shortLayer(component.layer()) + " " + location;
    }
    return List.of(
        finding.severity().label(),
        finding.id(),
        component.name(),
        component.version(),
        fixed,
        String.join(",", finding.sources().stream().map(AdvisorySource::id).sorted().toList()),
        location.strip());
  }

  private static String shortLayer(String digest) {
    int colon = digest.indexOf(':');
    String hex = colon >= 0 ? digest.substring(colon + 1) : digest;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  private static void writeColumns(List<List<String>> rows, Writer out) throws IOException {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      out.write(line.toString().stripTrailing() + "\n");
    }
  }
}
