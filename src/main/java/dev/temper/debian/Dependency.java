package dev.temper.debian;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One comma-separated entry of a relationship field: a list of alternatives joined by {@code |},
 * any one of which satisfies it.
 */
public record Dependency(List<Relation> alternatives) {

  /** Copies the alternatives and rejects an empty list. */
  public Dependency {
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException("a dependency needs at least one alternative");
    }
    alternatives = List.copyOf(alternatives);
  }

  /** Creates a dependency with a single alternative. */
  public static Dependency of(Relation relation) {
    return new Dependency(List.of(relation));
  }

  @Override
  public String toString() {
    return alternatives.stream().map(Relation::toString).collect(Collectors.joining(" | "));
  }
}
