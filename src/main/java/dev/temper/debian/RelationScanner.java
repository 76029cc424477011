package dev.temper.debian;

/**
 * Reads one relation atom, {@code name[:architecture] [(operator version)]}, left to right with
 * optional whitespace between the tokens.
 */
final class RelationScanner {
  /** Characters that end a package name or architecture qualifier. */
  private static final String NAME_END = ":()|,[]<>=";

  private final String text;
  private int position;

  RelationScanner(String text) {
    this.text = text;
  }

  Relation relation() {
    skipSpace();
    String name = token(NAME_END);
    if (name.isEmpty()) {
      throw invalid("missing package name");
    }
    if (!RelationParser.isValidPackageName(name)) {
      throw invalid("invalid package name '" + RelationParser.quote(name) + "'");
    }

    String qualifier = null;
    if (peek() == ':') {
      position++;
      qualifier = token(NAME_END);
      if (qualifier.isEmpty()) {
        throw invalid("missing architecture after ':'");
      }
      if (!isArchitectureName(qualifier)) {
        throw invalid("invalid architecture '" + RelationParser.quote(qualifier) + "'");
      }
    }

    skipSpace();
    Relation.Operator operator = null;
    Version version = null;
    if (peek() == '(') {
      position++;
      operator = operator();
      version = version();
    }
    skipSpace();
    if (position < text.length()) {
      throw invalid(trailingProblem());
    }
    return new Relation(name, qualifier, operator, version);
  }

  private Relation.Operator operator() {
    skipSpace();
    int start = position;
    while ("<>=".indexOf(peek()) >= 0) {
      position++;
    }
    String symbol = text.substring(start, position);
    if (symbol.isEmpty()) {
      throw invalid("missing version operator");
    }
    try {
      return Relation.Operator.parse(symbol);
    } catch (IllegalArgumentException e) {
      throw invalid("invalid version operator '" + symbol + "'");
    }
  }

  private Version version() {
    skipSpace();
    String versionText = token("()");
    if (versionText.isEmpty()) {
      throw invalid("missing version");
    }
    skipSpace();
    if (peek() != ')') {
      throw invalid("missing ')' after version '" + RelationParser.quote(versionText) + "'");
    }
    position++;
    try {
      return Version.parse(versionText);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private String trailingProblem() {
    char c = text.charAt(position);
    char next = position + 1 < text.length() ? text.charAt(position + 1) : ' ';
    if (c == '[') {
      return "architecture restrictions are not allowed in binary package fields";
    }
    if (c == '<' && (next == '!' || Character.isLetter(next))) {
      return "build profiles are not allowed in binary package fields";
    }
    if (c == '<' || c == '>' || c == '=') {
      return "missing '(' before the version constraint";
    }
    if (c == ')') {
      return "unexpected ')'";
    }
    return "unexpected text '" + RelationParser.quote(text.substring(position)) + "'";
  }

  /** Reads up to the next whitespace or one of the stop characters. */
  private String token(String stop) {
    int start = position;
    while (position < text.length()
        && !isSpace(text.charAt(position))
        && stop.indexOf(text.charAt(position)) < 0) {
      position++;
    }
    return text.substring(start, position);
  }

  /** Returns the current character, or 0 at the end of the text. */
  private char peek() {
    return position < text.length() ? text.charAt(position) : 0;
  }

  private void skipSpace() {
    while (position < text.length() && isSpace(text.charAt(position))) {
      position++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Returns whether the text is a dpkg architecture name or wildcard: {@code [a-z0-9-]+}. */
  private static boolean isArchitectureName(String name) {
    boolean valid = RelationParser.isLowerAlphanumeric(name.charAt(0));
    for (int i = 1; valid && i < name.length(); i++) {
      valid = RelationParser.isLowerAlphanumeric(name.charAt(i)) || name.charAt(i) == '-';
    }
    return valid;
  }

  private IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException(
        "invalid relation '" + RelationParser.quote(text) + "': " + problem);
  }
}
