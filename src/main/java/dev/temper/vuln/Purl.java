package dev.temper.vuln;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of a package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}) that VEX
 * matching compares.
 *
 * @param type the lower-case type, such as {@code deb} or {@code maven}
 * @param path the decoded namespace and name, such as {@code debian/libc6}
 * @param version the decoded version, or empty
 * @param qualifiers the decoded qualifiers, such as {@code arch=amd64}
 */
record Purl(String type, String path, Optional<String> version, Map<String, String> qualifiers) {

  /** Parses a package URL, or returns empty if the text is not one. */
  static Optional<Purl> parse(String text) {
    if (text == null || !text.startsWith("pkg:")) {
      return Optional.empty();
    }
    String rest = text.substring(4);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    Map<String, String> qualifiers = new TreeMap<>();
    int question = rest.indexOf('?');
    if (question >= 0) {
      for (String pair : rest.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          qualifiers.put(
              pair.substring(0, equals).toLowerCase(Locale.ROOT),
              decode(pair.substring(equals + 1)));
        }
      }
      rest = rest.substring(0, question);
    }
    Optional<String> version = Optional.empty();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      version = Optional.of(decode(rest.substring(at + 1)));
      rest = rest.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      return Optional.empty();
    }
    String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
    return Optional.of(
        new Purl(type, decode(rest.substring(slash + 1)), version, Map.copyOf(qualifiers)));
  }

  /**
   * Returns whether a VEX product with this purl covers {@code component}: same type and name, the
   * same version if this purl has one, and every qualifier of this purl present with the same
   * value.
   */
  boolean covers(Purl component) {
    if (!type.equals(component.type) || !path.equals(component.path)) {
      return false;
    }
    if (version.isPresent() && !version.equals(component.version)) {
      return false;
    }
    return qualifiers.entrySet().stream()
        .allMatch(entry -> entry.getValue().equals(component.qualifiers.get(entry.getKey())));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
