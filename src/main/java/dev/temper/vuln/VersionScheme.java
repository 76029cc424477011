package dev.temper.vuln;

import dev.temper.debian.Version;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** The version syntax and order of one ecosystem. */
enum VersionScheme {
  /** dpkg's order, through {@link Version}. */
  DEBIAN {
    @Override
    void validate(String version) {
      Version.parse(version);
    }

    @Override
    int compare(String left, String right) {
      return Version.parse(left).compareTo(Version.parse(right));
    }
  },

  /**
   * Maven's order, through {@code ComparableVersion} of maven-artifact 3.9, the order that OSV
   * specifies for the {@code Maven} ecosystem. Maven accepts any text as a version, so only empty
   * text and whitespace are rejected.
   */
  MAVEN {
    @Override
    void validate(String version) {
      if (version.isBlank() || version.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("invalid Maven version: '" + version + "'");
      }
    }

    @Override
    int compare(String left, String right) {
      return new ComparableVersion(left).compareTo(new ComparableVersion(right));
    }
  };

  /**
   * Checks that {@code version} is valid in this ecosystem.
   *
   * @throws IllegalArgumentException naming the version and the problem
   */
  abstract void validate(String version);

  /** Compares two valid versions. */
  abstract int compare(String left, String right);

  static VersionScheme of(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case DEBIAN -> DEBIAN;
      case MAVEN -> MAVEN;
    };
  }
}
