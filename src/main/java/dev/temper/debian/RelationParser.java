package dev.temper.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses relationship fields ({@code Depends}, {@code Pre-Depends}, {@code Provides}, {@code
 * Breaks}, {@code Conflicts}) of binary package stanzas, following Debian policy section 7.1.
 */
public final class RelationParser {
  private RelationParser() {}

  /**
   * Parses a field whose entries may have alternatives, such as {@code Depends}.
   *
   * @param field the field value, possibly folded over several lines; null or blank gives an empty
   *     list
   * @throws IllegalArgumentException naming the entry that is malformed
   */
  public static List<Dependency> parseDependencies(String field) {
    List<Dependency> result = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return result;
    }
    for (String entry : field.split(",")) {
      if (entry.isBlank()) {
        // dpkg tolerates an empty entry left by a trailing comma.
        continue;
      }
      List<Relation> alternatives = new ArrayList<>();
      for (String alternative : entry.split("\\|")) {
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
            "alternatives are not allowed here: '" + dependency + "'");
      }
      result.add(dependency.alternatives().get(0));
    }
    return result;
  }

  /**
   * Parses one relation atom: {@code name[:qualifier] [(op version)] [[arch list]] [<profiles>]}.
   * Architecture lists and build profiles only appear in source package fields and are ignored.
   */
  public static Relation parseRelation(String text) {
    String s = text.strip();
    int bracket = indexOfAny(s, "[<");
    if (bracket >= 0 && bracket > s.indexOf(')')) {
      s = s.substring(0, bracket).strip();
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty relation in '" + text.strip() + "'");
    }

    String head = s;
    Relation.Operator operator = null;
    Version version = null;
    int open = s.indexOf('(');
    if (open >= 0) {
      int close = s.indexOf(')', open);
      if (close < 0 || !s.substring(close + 1).isBlank()) {
        throw new IllegalArgumentException("unbalanced parenthesis in '" + text.strip() + "'");
      }
      head = s.substring(0, open).strip();
      String constraint = s.substring(open + 1, close).strip();
      int split = 0;
      while (split < constraint.length() && "<>=".indexOf(constraint.charAt(split)) >= 0) {
        split++;
      }
      if (split == 0) {
        throw new IllegalArgumentException("missing version operator in '" + text.strip() + "'");
      }
      operator = Relation.Operator.parse(constraint.substring(0, split));
      version = Version.parse(constraint.substring(split).strip());
    }

    String name = head;
    String qualifier = null;
    int colon = head.indexOf(':');
    if (colon >= 0) {
      name = head.substring(0, colon);
      qualifier = head.substring(colon + 1);
      if (qualifier.isEmpty()) {
        throw new IllegalArgumentException(
            "empty architecture qualifier in '" + text.strip() + "'");
      }
    }
    checkPackageName(name, text);
    return new Relation(name, qualifier, operator, version);
  }

  /**
   * Checks a package name against policy: lower-case letters, digits and {@code + - .}, at least
   * two characters, starting with a letter or digit.
   */
  public static void checkPackageName(String name, String context) {
    boolean valid = name.length() >= 2 && isNameStart(name.charAt(0));
    for (int i = 1; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = isNameStart(c) || c == '+' || c == '-' || c == '.';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid package name '" + name + "' in '" + context.strip() + "'");
    }
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
