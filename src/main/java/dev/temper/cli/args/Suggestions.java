package dev.temper.cli.args;

import java.util.Optional;

/** Finds the declared name that a mistyped word most likely meant. */
final class Suggestions {
  /** The largest number of edits between a word and a name that is still suggested. */
  private static final int MAX_EDITS = 2;

  private Suggestions() {}

  /**
   * Returns the candidate with the fewest single-character insertions, deletions and substitutions
   * from {@code word}, the first one on a tie, when that number is at most 2 and smaller than the
   * word's length.
   */
  static Optional<String> closest(String word, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > MAX_EDITS || bestDistance >= word.length()) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Returns the Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }
}
