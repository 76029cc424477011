package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.MultiArch;
import dev.temper.debian.Relation;

/**
 * Decides whether a package satisfies a relation, with apt's rules for architectures and provides.
 *
 * <ul>
 *   <li>An unqualified relation accepts a package of the depending package's architecture, or a
 *       {@code Multi-Arch: foreign} package of any architecture. {@code all} counts as native.
 *   <li>{@code :any} accepts only {@code Multi-Arch: allowed} packages, of any architecture; apt
 *       rejects a {@code foreign} or {@code no} package there, and so does temper.
 *   <li>{@code :native} and {@code :ARCH} accept that architecture only.
 *   <li>An unversioned relation accepts any provider; a versioned one only a versioned provide
 *       ({@code Provides: name (= version)}) whose version meets it.
 * </ul>
 */
final class RelationMatch {
  private final String nativeArchitecture;

  RelationMatch(String nativeArchitecture) {
    this.nativeArchitecture = nativeArchitecture;
  }

  /** Returns whether the package itself, by its name and version, satisfies the relation. */
  boolean byPackage(Relation relation, String dependerArch, BinaryPackage target) {
    return target.name().equals(relation.name())
        && relation.acceptsVersion(target.version())
        && architectureFits(relation, dependerArch, target);
  }

  /** Returns whether one {@code Provides} entry of the provider satisfies the relation. */
  boolean byProvide(
      Relation relation, String dependerArch, BinaryPackage provider, Relation provided) {
    return provided.name().equals(relation.name())
        && provideVersionFits(relation, provided)
        && architectureFits(relation, dependerArch, provider);
  }

  /**
   * Returns whether a {@code Conflicts} or {@code Breaks} entry hits the target, by its name or by
   * what it provides. A package never conflicts with itself, which lets a package conflict with a
   * virtual package it provides. Architecture qualifiers are not looked at.
   */
  boolean hits(Relation negative, BinaryPackage owner, BinaryPackage target) {
    if (owner == target) {
      return false;
    }
    if (target.name().equals(negative.name())) {
      return negative.acceptsVersion(target.version());
    }
    if (target.relationFields().provides() == null) {
      return false;
    }
    for (Relation provided : target.provides()) {
      if (provided.name().equals(negative.name()) && provideVersionFits(negative, provided)) {
        return true;
      }
    }
    return false;
  }

  private static boolean provideVersionFits(Relation relation, Relation provided) {
    if (!relation.isVersioned()) {
      return true;
    }
    return provided.isVersioned()
        && provided.operator() == Relation.Operator.EQUAL
        && relation.acceptsVersion(provided.version());
  }

  private boolean architectureFits(Relation relation, String dependerArch, BinaryPackage target) {
    String targetArch = effective(target.architecture());
    String qualifier = relation.archQualifier();
    if (qualifier == null) {
      return targetArch.equals(effective(dependerArch)) || target.multiArch() == MultiArch.FOREIGN;
    }
    return switch (qualifier) {
      case "any" -> target.multiArch() == MultiArch.ALLOWED;
      case "native" -> targetArch.equals(nativeArchitecture);
      default -> targetArch.equals(qualifier);
    };
  }

  private String effective(String architecture) {
    return architecture.equals("all") ? nativeArchitecture : architecture;
  }
}
