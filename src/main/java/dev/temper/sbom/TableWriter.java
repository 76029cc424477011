package dev.temper.sbom;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an inventory for people: Debian packages grouped by source package, then Java archives and
 * runtimes, then totals and warnings.
 */
final class TableWriter {
  private final Inventory inventory;

  TableWriter(Inventory inventory) {
    this.inventory = inventory;
  }

  void write(OutputStream out) throws IOException {
    PrintWriter writer =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    ImageSubject subject = inventory.subject();
    writer.println(
        "Image: "
            + subject.name()
            + (subject.manifestDigest() == null ? "" : " (" + subject.manifestDigest() + ")"));
    if (inventory.os() != null) {
      OsRelease os = inventory.os();
      writer.println("OS:    " + (os.prettyName() == null ? os.id() : os.prettyName()));
    }
    Map<String, List<DebianPackage>> bySource = new TreeMap<>();
    for (DebianPackage p : inventory.debianPackages()) {
      bySource
          .computeIfAbsent(p.sourceName() + " " + p.sourceVersion(), k -> new ArrayList<>())
          .add(p);
    }
    writeDebian(writer, bySource);
    writeJava(writer);
    writer.println();
    writer.printf(
        "Total: %d Debian packages from %d source packages, %d Java archives, %d Java runtimes,"
            + " %d warnings%n",
        inventory.debianPackages().size(),
        bySource.size(),
        inventory.javaArchives().size(),
        inventory.javaRuntimes().size(),
        inventory.warnings().size());
    for (String warning : inventory.warnings()) {
      writer.println("warning: " + warning);
    }
    writer.flush();
  }

  private static void writeDebian(PrintWriter writer, Map<String, List<DebianPackage>> bySource) {
    if (bySource.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SOURCE", "SOURCE VERSION", "PACKAGE", "VERSION", "ARCH", "LICENSE"});
    for (List<DebianPackage> group : bySource.values()) {
      boolean first = true;
      for (DebianPackage p : group) {
        String license = SpdxLicenses.expression(p.licenses());
        rows.add(
            new String[] {
              first ? p.sourceName() : "",
              first ? p.sourceVersion() : "",
              p.name(),
              p.version(),
              p.architecture(),
              license == null ? "unknown" : license
            });
        first = false;
      }
    }
    writer.println();
    writer.println("Debian packages (" + bySource.size() + " sources)");
    writeRows(writer, rows);
  }

  private void writeJava(PrintWriter writer) {
    if (!inventory.javaArchives().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"GROUP", "ARTIFACT", "VERSION", "FROM", "LOCATION"});
      for (JavaArchive a : inventory.javaArchives()) {
        boolean shaded = a.location().equals(a.parentLocation());
        rows.add(
            new String[] {
              a.groupId() == null ? "-" : a.groupId(),
              a.artifactId(),
              a.version() == null ? "-" : a.version(),
              a.origin().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
              "/" + a.location() + (shaded ? " (shaded)" : "")
            });
      }
      writer.println();
      writer.println("Java archives");
      writeRows(writer, rows);
    }
    if (!inventory.javaRuntimes().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"JAVA", "RUNTIME VERSION", "IMPLEMENTOR", "MODULES", "HOME"});
      for (JavaRuntime r : inventory.javaRuntimes()) {
        rows.add(
            new String[] {
              r.javaVersion(),
              r.runtimeVersion() == null ? "-" : r.runtimeVersion(),
              r.implementor() == null ? "-" : r.implementor(),
              r.modules().isEmpty() ? "-" : Integer.toString(r.modules().size()),
              "/" + r.home()
            });
      }
      writer.println();
      writer.println("Java runtimes");
      writeRows(writer, rows);
    }
  }

  private static void writeRows(PrintWriter writer, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      writer.println(line.toString().stripTrailing());
    }
  }
}
