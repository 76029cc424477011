package dev.temper.vuln;

import java.util.Optional;

/**
 * An OSV ecosystem string that temper matches: {@code Debian:<release>} such as {@code Debian:12},
 * or {@code Maven} with an optional {@code :<repository>} suffix.
 *
 * @param ecosystem the ecosystem
 * @param release the Debian release number, or empty for Maven
 */
record OsvEcosystem(Ecosystem ecosystem, String release) {

  /** Returns the ecosystem, or empty for one that temper does not match, such as {@code PyPI}. */
  static Optional<OsvEcosystem> parse(String text) {
    if (text.equals("Maven") || text.startsWith("Maven:")) {
      return Optional.of(new OsvEcosystem(Ecosystem.MAVEN, ""));
    }
    if (text.startsWith("Debian:") && text.length() > "Debian:".length()) {
      String release = text.substring("Debian:".length());
      // A point release such as "11.5" is filed under its major release, which is what the
      // os-release VERSION_ID of Debian holds.
      int dot = release.indexOf('.');
      return Optional.of(
          new OsvEcosystem(Ecosystem.DEBIAN, dot > 0 ? release.substring(0, dot) : release));
    }
    return Optional.empty();
  }
}
