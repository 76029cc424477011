package dev.temper.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses relationship fields ({@code Depends}, {@code Pre-Depends}, {@code Provides}, {@code
 * Breaks}, {@code Conflicts}) of binary package stanzas, following Debian policy section 7.1.
 *
 * <p>Whitespace, including the line breaks of a folded field, may appear anywhere between tokens.
 * One trailing comma is accepted, as apt accepts it, but other empty entries are rejected, as dpkg
 * and apt reject them. Architecture restrictions ({@code [amd64]}) and build profiles ({@code
 * <!nocheck>}) belong to source package fields only and are rejected, as dpkg rejects them in
 * binary package fields.
 */
public final class RelationParser {
  /** Maximum length, in characters, of the input excerpt that an error message quotes. */
  private static final int MAX_QUOTE = 200;

  private RelationParser() {}

  /**
   * Parses a field whose entries may have alternatives, such as {@code Depends}.
   *
   * @param field the field value, possibly folded over several lines; null or blank gives an empty
   *     list
   * @throws IllegalArgumentException naming the entry that is malformed and the problem
   */
  public static List<Dependency> parseDependencies(String field) {
    List<Dependency> result = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return result;
    }
    String[] entries = field.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      if (entry.isBlank()) {
        if (i > 0 && i == entries.length - 1) {
          break;
        }
        throw new IllegalArgumentException(
            "invalid relationship field '" + quote(field) + "': empty entry");
      }
      List<Relation> alternatives = new ArrayList<>();
      for (String alternative : entry.split("\\|", -1)) {
        if (alternative.isBlank()) {
          throw new IllegalArgumentException(
              "invalid dependency '" + quote(entry) + "': empty alternative");
        }
        alternatives.add(parseRelation(alternative));
      }
      result.add(new Dependency(alternatives));
    }
    return result;
  }

  /**
   * Parses a field whose entries have no alternatives, such as {@code Provides} or {@code
   * Conflicts}.
   *
   * @throws IllegalArgumentException if an entry is malformed or uses {@code |}
   */
  public static List<Relation> parseRelations(String field) {
    List<Relation> result = new ArrayList<>();
    for (Dependency dependency : parseDependencies(field)) {
      if (dependency.alternatives().size() != 1) {
        throw new IllegalArgumentException(
            "invalid dependency '"
                + quote(dependency.toString())
                + "': alternatives ('|') are not allowed in this field");
      }
      result.add(dependency.alternatives().get(0));
    }
    return result;
  }

  /**
   * Parses one relation atom: {@code name[:architecture] [(operator version)]}. The operators are
   * {@code << <= = >= >>} and the obsolete {@code <} and {@code >}, which mean {@code <=} and
   * {@code >=}.
   *
   * @throws IllegalArgumentException with a message {@code invalid relation 'TEXT': PROBLEM}
   */
  public static Relation parseRelation(String text) {
    return new RelationScanner(text).relation();
  }

  /**
   * Checks a package name against policy: lower-case letters, digits and {@code + - .}, at least
   * two characters, starting with a letter or digit.
   *
   * @param context the text the name was taken from, quoted in the message
   * @throws IllegalArgumentException if the name is invalid
   */
  public static void checkPackageName(String name, String context) {
    if (!isValidPackageName(name)) {
      throw new IllegalArgumentException(
          "invalid package name '" + quote(name) + "' in '" + quote(context) + "'");
    }
  }

  static boolean isValidPackageName(String name) {
    boolean valid = name.length() >= 2 && isLowerAlphanumeric(name.charAt(0));
    for (int i = 1; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = isLowerAlphanumeric(c) || c == '+' || c == '-' || c == '.';
    }
    return valid;
  }

  static boolean isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Returns the text for quoting in a message: stripped, with each run of whitespace (such as the
   * line breaks of a folded field) shown as one space, and cut after {@link #MAX_QUOTE} characters.
   */
  static String quote(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_QUOTE ? flat : flat.substring(0, MAX_QUOTE) + "...";
  }
}
