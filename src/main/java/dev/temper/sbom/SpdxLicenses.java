package dev.temper.sbom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Debian copyright license names into SPDX license expressions. A name that is an SPDX
 * identifier (ignoring case), or one of the GNU short names of the copyright format such as {@code
 * GPL-2+}, becomes that identifier; any other name becomes {@code LicenseRef-NAME}, so nothing is
 * claimed that the file does not say.
 */
final class SpdxLicenses {
  private static final Map<String, String> IDS = loadIds();
  private static final Pattern GNU =
      Pattern.compile("(A?GPL|LGPL|GFDL)-(\\d(?:\\.\\d)?)(\\+?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern OPERATOR =
      Pattern.compile("\\s*,?\\s+(or|and)\\s+", Pattern.CASE_INSENSITIVE);

  private SpdxLicenses() {}

  /**
   * Returns one SPDX expression for all the names of a package, joined by AND, or null when there
   * are none.
   */
  static String expression(List<String> debianNames) {
    Set<String> parts = new LinkedHashSet<>();
    for (String name : debianNames) {
      String converted = convertExpression(name);
      if (!converted.isEmpty()) {
        parts.add(converted);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.iterator().next();
    }
    List<String> wrapped = new ArrayList<>();
    for (String part : parts) {
      wrapped.add(part.contains(" OR ") ? "(" + part + ")" : part);
    }
    return String.join(" AND ", wrapped);
  }

  /** Returns the LicenseRef identifiers that an expression uses, in order. */
  static List<String> licenseRefs(String expression) {
    List<String> refs = new ArrayList<>();
    Matcher matcher = Pattern.compile("LicenseRef-[A-Za-z0-9.-]+").matcher(expression);
    while (matcher.find()) {
      if (!refs.contains(matcher.group())) {
        refs.add(matcher.group());
      }
    }
    return refs;
  }

  /** Converts one DEP-5 License value such as {@code GPL-2+ or Artistic}. */
  private static String convertExpression(String value) {
    StringBuilder out = new StringBuilder();
    Matcher operator = OPERATOR.matcher(value);
    int start = 0;
    while (operator.find()) {
      appendTerm(out, value.substring(start, operator.start()));
      out.append(' ').append(operator.group(1).toUpperCase(Locale.ROOT)).append(' ');
      start = operator.end();
    }
    appendTerm(out, value.substring(start));
    return out.toString().replace("  ", " ").strip();
  }

  private static void appendTerm(StringBuilder out, String term) {
    String name = term.strip();
    if (!name.isEmpty()) {
      out.append(identifier(name));
    }
  }

  /** Returns the SPDX identifier for a single license name, or a LicenseRef for it. */
  static String identifier(String name) {
    String known = IDS.get(name.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    Matcher gnu = GNU.matcher(name);
    if (gnu.matches()) {
      String version = gnu.group(2).contains(".") ? gnu.group(2) : gnu.group(2) + ".0";
      String candidate =
          gnu.group(1).toUpperCase(Locale.ROOT)
              + "-"
              + version
              + (gnu.group(3).isEmpty() ? "-only" : "-or-later");
      known = IDS.get(candidate.toLowerCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    if (name.equalsIgnoreCase("Expat")) {
      return "MIT";
    }
    return "LicenseRef-" + name.replaceAll("[^A-Za-z0-9.-]+", "-");
  }

  private static Map<String, String> loadIds() {
    Map<String, String> ids = new HashMap<>();
    try (InputStream in = SpdxLicenses.class.getResourceAsStream("spdx-license-ids.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          ids.put(line.strip().toLowerCase(Locale.ROOT), line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled SPDX license list", e);
    }
    return Map.copyOf(ids);
  }
}
