package dev.temper.debian.resolve;

import dev.temper.debian.BinaryPackage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which each package name first appears in the indexes, as a stanza's own name or as
 * the target of one of its relations. apt numbers the packages of its cache in this order while it
 * reads the indexes, and breaks the last tie between two providers by that number: the name met
 * later wins. The relationship fields are scanned as text, so nothing is parsed twice.
 *
 * <p>NOTE: apt also meets names in {@code Recommends}, {@code Suggests}, {@code Replaces} and
 * {@code Enhances}, which temper does not keep, so the order can differ from apt's for names that
 * only those fields mention first.
 */
final class MentionOrder {
  private final Map<String, Integer> first;

  private MentionOrder(Map<String, Integer> first) {
    this.first = first;
  }

  /** Scans packages in the order they were read. */
  static MentionOrder of(List<BinaryPackage> packages) {
    Map<String, Integer> first = new HashMap<>(packages.size() * 2);
    for (BinaryPackage pkg : packages) {
      first.putIfAbsent(pkg.name(), first.size());
      BinaryPackage.Fields fields = pkg.relationFields();
      // The field order of apt's index parser.
      scan(fields.preDepends(), first);
      scan(fields.depends(), first);
      scan(fields.conflicts(), first);
      scan(fields.breaks(), first);
      scan(fields.provides(), first);
    }
    return new MentionOrder(first);
  }

  /** Returns the position of a name, or {@link Integer#MAX_VALUE} for a name never met. */
  int of(String name) {
    return first.getOrDefault(name, Integer.MAX_VALUE);
  }

  private static void scan(String field, Map<String, Integer> first) {
    if (field == null) {
      return;
    }
    int i = 0;
    int length = field.length();
    while (i < length) {
      while (i < length && isSeparatorOrSpace(field.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < length && isNameChar(field.charAt(i))) {
        i++;
      }
      if (i > start) {
        first.putIfAbsent(field.substring(start, i), first.size());
      }
      // Skip the rest of the atom: qualifier, version, architecture list.
      while (i < length && field.charAt(i) != ',' && field.charAt(i) != '|') {
        i++;
      }
    }
  }

  private static boolean isSeparatorOrSpace(char c) {
    return c == ',' || c == '|' || Character.isWhitespace(c);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }
}
