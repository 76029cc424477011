package dev.temper.debian.resolve;

import dev.temper.debian.RelationParser;
import dev.temper.debian.Version;
import dev.temper.error.InvalidInputException;

/**
 * One parsed request: {@code name}, {@code name=version}, {@code name:arch} or {@code
 * name:arch=version}.
 *
 * @param name the package name
 * @param architecture the architecture asked for, the native one when the request names none
 * @param version the exact version asked for, or null for the candidate
 */
record PackageRequest(String name, String architecture, String version) {

  /**
   * Parses a request.
   *
   * @throws InvalidInputException naming the request when the name or the version is malformed
   */
  static PackageRequest parse(String text, String nativeArchitecture) throws InvalidInputException {
    String rest = text.strip();
    String version = null;
    int equals = rest.indexOf('=');
    if (equals >= 0) {
      version = rest.substring(equals + 1);
      rest = rest.substring(0, equals);
    }
    String architecture = nativeArchitecture;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      architecture = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (architecture.equals("native") || architecture.equals("all")) {
        architecture = nativeArchitecture;
      }
    }
    try {
      RelationParser.checkPackageName(rest, text);
      if (version != null) {
        Version.parse(version);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid package request '" + text + "': " + e.getMessage());
    }
    if (architecture.isEmpty()) {
      throw new InvalidInputException("invalid package request '" + text + "': empty architecture");
    }
    return new PackageRequest(rest, architecture, version);
  }
}
