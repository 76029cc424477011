package dev.temper.debian.resolve;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resolve request: package requests and excludes.
 *
 * @param packages the requests, in order: {@code name}, {@code name=version}, {@code name:arch} or
 *     {@code name:arch=version}; a name that only a single package provides means that package, as
 *     with apt
 * @param exclude packages never installed; a relation naming one, or one that an excluded package
 *     would satisfy, counts as satisfied
 */
public record ResolveRequest(List<String> packages, Set<String> exclude) {
  /** Copies the lists; the exclude set is kept sorted. */
  public ResolveRequest {
    packages = List.copyOf(packages);
    exclude = Collections.unmodifiableSet(new TreeSet<>(exclude));
  }

  /** Creates a request from any collection of excludes. */
  public static ResolveRequest of(List<String> packages, Collection<String> exclude) {
    return new ResolveRequest(packages, new TreeSet<>(exclude));
  }
}
