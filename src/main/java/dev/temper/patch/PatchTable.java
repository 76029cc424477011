package dev.temper.patch;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes patch listings and apply reports as aligned plain-text columns. */
public final class PatchTable {
  private static final List<String> HEADER =
      List.of("PACKAGE", "ARCH", "INSTALLED", "CANDIDATE", "SUITE", "CVES");

  private PatchTable() {}

  /** Writes the listing, and the apply report when there is one. */
  public static void write(PatchReport report, ApplyReport applied, Writer out) throws IOException {
    out.write("Suites: " + String.join(", ", report.suites()) + "\n");
    if (report.updates().isEmpty()) {
      out.write(
          "No updates for the " + report.checked() + " packages of " + report.target() + ".\n");
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(HEADER);
      for (PackageUpdate update : report.updates()) {
        rows.add(
            List.of(
                update.installed().name(),
                update.installed().architecture(),
                update.installed().version(),
                update.candidateVersion() + (update.heldBy().isPresent() ? " (held)" : ""),
                update.suite(),
                update.cves().isEmpty()
                    ? (update.note().isPresent() ? "(no changelog)" : "-")
                    : String.join(",", update.cves())));
      }
      columns(rows, out);
      out.write(
          report.updates().size()
              + " updates for "
              + report.checked()
              + " packages, naming "
              + report.cves().size()
              + " CVEs.\n");
    }
    for (PackageUpdate update : report.updates()) {
      if (update.note().isPresent()) {
        out.write("Note: " + update.installed().name() + ": " + update.note().get() + "\n");
      }
    }
    for (PackageUpdate update : report.updates()) {
      if (update.heldBy().isPresent()) {
        SpecPin pin = update.heldBy().get();
        out.write(
            "Note: "
                + update.installed().name()
                + " is held at "
                + pin.version()
                + " by "
                + pin.location()
                + " ("
                + pin.request()
                + "); "
                + update.candidateVersion()
                + fixes(update)
                + ". Change the pin, or run temper patch --apply --move-pins\n");
      }
    }
    for (String note : report.notes()) {
      out.write("Note: " + note + "\n");
    }
    if (applied != null) {
      applied(applied, out);
    }
    out.flush();
  }

  private static void applied(ApplyReport applied, Writer out) throws IOException {
    out.write(
        "\nApplied: " + applied.lockFile() + " updated, image rebuilt to " + applied.output());
    out.write("\n");

    for (ApplyReport.Change change : applied.changes()) {
      out.write(
          "  "
              + change.name()
              + ":"
              + change.architecture()
              + " "
              + change.from().orElse("(new)")
              + " -> "
              + change.to().orElse("(removed)")
              + "\n");
    }
    out.write(applied.changes().size() + " packages changed.\n");
    for (ApplyReport.MovedPin moved : applied.movedPins()) {
      out.write(
          "Moved pin: "
              + moved.pin().location()
              + " "
              + moved.pin().request()
              + " -> "
              + moved.to());
      out.write("\n");
    }
    for (ApplyReport.NotApplied kept : applied.notApplied()) {
      PackageUpdate update = kept.update();
      out.write(
          "Not applied: "
              + update.installed().name()
              + ":"
              + update.installed().architecture()
              + " stays at "
              + kept.keptVersion()
              + ", "
              + kept.reason()
              + "; "
              + update.candidateVersion()
              + " from "
              + update.suite()
              + fixes(update)
              + "\n");
    }

    List<String> closed = applied.closedCves();
    out.write(
        "CVEs closed: "
            + closed.size()
            + (closed.isEmpty() ? "" : " (" + String.join(", ", closed) + ")")
            + "\n");
    out.write("Advisories: " + applied.advisoryNote() + "\n");

    if (applied.before().isPresent()) {
      ApplyReport.ImageState before = applied.before().get();
      out.write("Before: " + before.digest() + " " + before.compressedSize() + " bytes\n");
    }
    ApplyReport.ImageState after = applied.after();
    out.write("After:  " + after.digest() + " " + after.compressedSize() + " bytes");
    if (applied.before().isPresent()) {
      long difference = after.compressedSize() - applied.before().get().compressedSize();
      out.write(" (" + (difference >= 0 ? "+" : "") + difference + " bytes)");
    }
    out.write("\n");
  }

  /** Returns what the candidate of {@code update} does, to follow its version. */
  private static String fixes(PackageUpdate update) {
    return update.cves().isEmpty()
        ? " is available (its changelog names no CVE)"
        : " fixes " + String.join(", ", update.cves());
  }

  private static void columns(List<List<String>> rows, Writer out) throws IOException {
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
