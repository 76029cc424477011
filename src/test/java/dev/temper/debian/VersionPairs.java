package dev.temper.debian;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Draws version pairs from real Packages indexes for comparing {@link Version} with dpkg. The mix
 * covers the comparisons a resolver makes (same package across suites, dependency constraints
 * against the target's version, source against binary versions) and the hard parts of the algorithm
 * (epochs, '~', '+', letters, long digit runs), plus random pairs.
 */
final class VersionPairs {
  private final Random random;
  private final Set<String> seen = new HashSet<>();
  private final List<String> pairs = new ArrayList<>();

  VersionPairs(long seed) {
    this.random = new Random(seed);
  }

  /** Returns the pairs drawn so far, each unordered pair once, as {@code {a, b}} arrays. */
  List<String[]> pairs() {
    List<String[]> result = new ArrayList<>(pairs.size());
    for (String pair : pairs) {
      result.add(pair.split("\t", 2));
    }
    return result;
  }

  /** Pairs each package of the update suite with the same package in the base suite. */
  void addAcrossSuites(List<BinaryPackage> base, List<BinaryPackage> update) {
    Map<String, String> baseVersions = new HashMap<>();
    for (BinaryPackage p : base) {
      baseVersions.put(p.name() + ":" + p.architecture(), p.version().toString());
    }
    for (BinaryPackage p : update) {
      String other = baseVersions.get(p.name() + ":" + p.architecture());
      if (other != null) {
        add(other, p.version().toString());
      }
    }
  }

  /** Pairs binary versions with their source versions where the two differ in text. */
  void addSourceVersions(List<BinaryPackage> packages, int count) {
    List<BinaryPackage> differing = new ArrayList<>();
    for (BinaryPackage p : packages) {
      if (!p.version().toString().equals(p.sourceVersion().toString())) {
        differing.add(p);
      }
    }
    for (int i = 0; i < count && !differing.isEmpty(); i++) {
      BinaryPackage p = differing.get(random.nextInt(differing.size()));
      add(p.version().toString(), p.sourceVersion().toString());
    }
  }

  /** Pairs versioned Depends constraints with the version of the package they name. */
  void addDependencyConstraints(List<BinaryPackage> packages, int count) {
    Map<String, String> versionByName = new HashMap<>();
    for (BinaryPackage p : packages) {
      versionByName.putIfAbsent(p.name(), p.version().toString());
    }
    List<String[]> candidates = new ArrayList<>();
    for (BinaryPackage p : packages) {
      for (Dependency dependency : p.depends()) {
        for (Relation relation : dependency.alternatives()) {
          String target = versionByName.get(relation.name());
          if (relation.isVersioned() && target != null) {
            candidates.add(new String[] {target, relation.version().toString()});
          }
        }
      }
    }
    for (int i = 0; i < count && !candidates.isEmpty(); i++) {
      String[] pair = candidates.get(random.nextInt(candidates.size()));
      add(pair[0], pair[1]);
    }
  }

  /** Pairs neighbors in text order, which share long prefixes and differ in fine details. */
  void addTextNeighbors(List<String> versions, int count) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(versions));
    for (int i = 0; i < count && sorted.size() > 1; i++) {
      int at = random.nextInt(sorted.size() - 1);
      add(sorted.get(at), sorted.get(at + 1));
    }
  }

  /** Pairs random versions with each other. */
  void addRandom(List<String> versions, int count) {
    for (int i = 0; i < count; i++) {
      add(pick(versions), pick(versions));
    }
  }

  /**
   * Pairs versions that match the filter with each other, with any version, and with a variant of
   * themselves made by the mutator.
   */
  void addFeature(
      List<String> versions,
      Predicate<String> filter,
      java.util.function.UnaryOperator<String> mutator,
      int count) {
    List<String> matching = versions.stream().filter(filter).distinct().toList();
    for (int i = 0; i < count && !matching.isEmpty(); i++) {
      String version = pick(matching);
      switch (i % 3) {
        case 0 -> add(version, pick(matching));
        case 1 -> add(version, pick(versions));
        default -> add(version, mutator.apply(version));
      }
    }
  }

  /**
   * Returns a variant of the version for close comparisons: one digit changed, leading zeros added
   * to a digit run, or a suffix that sorts just before or after it.
   */
  String mutate(String version) {
    int choice = random.nextInt(6);
    return switch (choice) {
      case 0 -> version + "~1";
      case 1 -> version.contains("-") ? version + "+b1" : version + "+1";
      case 2 -> version.contains("-") ? version + ".0" : version + "a";
      case 3 -> addLeadingZero(version);
      default -> changeDigit(version);
    };
  }

  private String addLeadingZero(String version) {
    int colon = version.indexOf(':');
    for (int i = colon + 1; i < version.length(); i++) {
      boolean runStart = i == colon + 1 || !Character.isDigit(version.charAt(i - 1));
      if (Character.isDigit(version.charAt(i)) && runStart && random.nextBoolean()) {
        return version.substring(0, i) + "00" + version.substring(i);
      }
    }
    return "0" + version.substring(colon + 1);
  }

  private String changeDigit(String version) {
    List<Integer> digits = new ArrayList<>();
    for (int i = version.indexOf(':') + 1; i < version.length(); i++) {
      if (Character.isDigit(version.charAt(i))) {
        digits.add(i);
      }
    }
    int at = digits.get(random.nextInt(digits.size()));
    char next = (char) ('0' + (version.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
    return version.substring(0, at) + next + version.substring(at + 1);
  }

  private String pick(List<String> versions) {
    return versions.get(random.nextInt(versions.size()));
  }

  private void add(String a, String b) {
    // Each unordered pair counts once, and the order dpkg sees it in is random.
    String key = a.compareTo(b) <= 0 ? a + "\t" + b : b + "\t" + a;
    if (seen.add(key)) {
      pairs.add(random.nextBoolean() ? a + "\t" + b : b + "\t" + a);
    }
  }
}
