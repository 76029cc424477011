package dev.temper.audit.migrate;

import java.util.List;

/**
 * The result of migrating a Dockerfile onto a hardened base.
 *
 * @param dockerfile the new Dockerfile text
 * @param changes what was changed and why, in the order of the new file
 * @param manual what could not move automatically and needs a person, with the original line
 */
public record Migration(String dockerfile, List<Note> changes, List<Note> manual) {
  public Migration {
    changes = List.copyOf(changes);
    manual = List.copyOf(manual);
  }

  /**
   * One explained change or open problem.
   *
   * @param line the 1-based line in the original Dockerfile it concerns, or 0 for the file as a
   *     whole
   * @param text the explanation
   */
  public record Note(int line, String text) {}
}
