package dev.temper.vuln;

/** A package ecosystem that the advisory store and the matchers support. */
public enum Ecosystem {
  /** Debian packages, named by source package and ordered as dpkg orders versions. */
  DEBIAN,
  /** Maven artifacts, named {@code groupId:artifactId} and ordered as Maven orders versions. */
  MAVEN
}
