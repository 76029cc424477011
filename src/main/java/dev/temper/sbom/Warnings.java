package dev.temper.sbom;

import java.util.ArrayList;
import java.util.List;

/** Collects one line per item that could not be read, with a cap so hostile input stays small. */
final class Warnings {
  static final int MAX_WARNINGS = 1000;

  private final List<String> lines = new ArrayList<>();
  private long dropped;

  /** Adds a warning of the form {@code PATH: PROBLEM}. */
  void add(String path, String problem) {
    if (lines.size() < MAX_WARNINGS) {
      lines.add(path + ": " + problem);
    } else {
      dropped++;
    }
  }

  /** Returns the warnings, with a last line counting those over the cap. */
  List<String> lines() {
    if (dropped == 0) {
      return List.copyOf(lines);
    }
    List<String> all = new ArrayList<>(lines);
    all.add(dropped + " more warnings not shown");
    return List.copyOf(all);
  }
}
