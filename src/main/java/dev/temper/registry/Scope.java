package dev.temper.registry;

import java.util.List;
import java.util.TreeSet;

/**
 * The access a request needs, in the token scope syntax of the distribution spec, such as {@code
 * repository:library/base:pull,push}. Also the key under which bearer tokens are cached.
 *
 * @param entries the scope entries, sorted and without duplicates
 */
record Scope(List<String> entries) {
  static final Scope NONE = new Scope(List.of());

  Scope {
    entries = merge(entries);
  }

  /**
   * Merges entries for the same resource, so {@code x:pull} and {@code x:push} give {@code
   * x:pull,push}.
   */
  private static List<String> merge(List<String> entries) {
    java.util.Map<String, TreeSet<String>> actions = new java.util.TreeMap<>();
    for (String entry : entries) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        actions.computeIfAbsent(entry, key -> new TreeSet<>());
        continue;
      }
      TreeSet<String> set =
          actions.computeIfAbsent(entry.substring(0, colon), key -> new TreeSet<>());
      for (String action : entry.substring(colon + 1).split(",")) {
        if (!action.isEmpty()) {
          set.add(action);
        }
      }
    }
    List<String> merged = new java.util.ArrayList<>();
    actions.forEach(
        (resource, set) ->
            merged.add(set.isEmpty() ? resource : resource + ":" + String.join(",", set)));
    return List.copyOf(merged);
  }

  /** Returns the scope to pull from a repository. */
  static Scope pull(String repository) {
    return new Scope(List.of("repository:" + repository + ":pull"));
  }

  /** Returns the scope to pull from and push to a repository. */
  static Scope push(String repository) {
    return new Scope(List.of("repository:" + repository + ":pull,push"));
  }

  /** Returns the scope to push to {@code repository} and mount blobs from {@code source}. */
  static Scope mount(String repository, String source) {
    return new Scope(
        List.of("repository:" + repository + ":pull,push", "repository:" + source + ":pull"));
  }

  /** Returns this scope with the space-separated entries of a challenge's scope added. */
  Scope plus(String challengeScope) {
    if (challengeScope == null || challengeScope.isBlank()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(entries);
    for (String entry : challengeScope.trim().split(" +")) {
      all.add(entry);
    }
    return new Scope(all);
  }

  @Override
  public String toString() {
    return String.join(" ", entries);
  }

  // equals and hashCode are written out because a record's generated ones link method handles on
  // their first call, which took about 15 ms of every registry command's start.
  @Override
  public boolean equals(Object other) {
    return other instanceof Scope scope && entries.equals(scope.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }
}
