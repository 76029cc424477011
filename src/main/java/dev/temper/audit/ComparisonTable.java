package dev.temper.audit;

import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Level;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Renders an {@link ImageComparison} as a plain-text table for a terminal. */
public final class ComparisonTable {
  private static final List<String> SEVERITIES =
      List.of("critical", "high", "medium", "low", "negligible", "unknown");

  private ComparisonTable() {}

  /** Writes the comparison. */
  public static void write(ImageComparison diff, PrintWriter out) {
    ImageAnalysis a = diff.before();
    ImageAnalysis b = diff.after();
    String format = "%-28s %-24s %-24s%n";
    out.printf(format, "", shorten(a.name()), shorten(b.name()));
    out.printf(format, "compressed size (bytes)", a.compressedSize(), b.compressedSize());
    out.printf(format, "layers", a.layerCount(), b.layerCount());
    out.printf(
        format,
        "packages",
        a.inventory().debianPackages().size(),
        b.inventory().debianPackages().size());
    out.printf(
        format,
        "java archives",
        a.inventory().javaArchives().size(),
        b.inventory().javaArchives().size());
    out.printf(
        format,
        "shells",
        ImageComparison.evidencePaths(a, "TA001").size(),
        ImageComparison.evidencePaths(b, "TA001").size());
    out.printf(
        format,
        "package managers",
        ImageComparison.evidencePaths(a, "TA002").size(),
        ImageComparison.evidencePaths(b, "TA002").size());
    if (diff.findingsBefore().isEmpty() && diff.findingsAfter().isEmpty()) {
      out.printf(format, "findings", "no advisory data", "no advisory data");
    } else {
      for (String severity : SEVERITIES) {
        out.printf(
            format,
            "findings " + severity,
            count(diff.findingsBefore(), severity),
            count(diff.findingsAfter(), severity));
      }
    }
    out.printf(format, "audit failures", failures(a.audit()), failures(b.audit()));
    out.println();
    out.printf(
        "packages: %d added, %d removed, %d changed%n",
        diff.added().size(), diff.removed().size(), diff.changed().size());
    for (ImageComparison.PackageChange change : diff.removed()) {
      out.printf("  - %s:%s %s%n", change.name(), change.architecture(), change.before());
    }
    for (ImageComparison.PackageChange change : diff.added()) {
      out.printf("  + %s:%s %s%n", change.name(), change.architecture(), change.after());
    }
    for (ImageComparison.PackageChange change : diff.changed()) {
      out.printf(
          "  ~ %s:%s %s -> %s%n",
          change.name(), change.architecture(), change.before(), change.after());
    }
    out.println();
    out.println("audit:");
    for (int i = 0; i < a.audit().size() && i < b.audit().size(); i++) {
      CheckResult first = a.audit().get(i);
      out.printf(
          "  %-6s %-42s %-5s %-5s%n",
          first.id(), first.title(), first.level(), b.audit().get(i).level());
    }
    out.flush();
  }

  private static int count(Map<String, Integer> counts, String severity) {
    return counts.getOrDefault(severity, 0);
  }

  private static long failures(List<CheckResult> results) {
    return results.stream().filter(r -> r.level() == Level.FAIL).count();
  }

  private static String shorten(String name) {
    return name.length() > 24 ? "..." + name.substring(name.length() - 21) : name;
  }
}
