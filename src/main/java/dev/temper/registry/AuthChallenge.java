package dev.temper.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): a scheme such as {@code Bearer} and its
 * parameters, such as {@code realm}, {@code service} and {@code scope}.
 *
 * @param scheme the scheme in lower case, such as {@code basic}, {@code bearer} or {@code
 *     negotiate}
 * @param parameters the parameters with lower-case names, in header order
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {
  AuthChallenge {
    parameters = Map.copyOf(parameters);
  }

  /** Returns a parameter's value, such as the realm. */
  Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /**
   * Parses every challenge of one header value. RFC 7235 allows several in one value, such as
   * {@code Negotiate, Bearer realm="..."}, each a scheme followed by either comma-separated {@code
   * name=value} parameters or one token68 credential. The token68 is skipped, because neither
   * {@code basic} nor {@code bearer} uses one.
   *
   * @throws IllegalArgumentException with the reason when the value is not a valid challenge list
   */
  static List<AuthChallenge> parseAll(String header) {
    Scanner scanner = new Scanner(header);
    List<AuthChallenge> challenges = new ArrayList<>();
    String scheme = null;
    Map<String, String> parameters = new LinkedHashMap<>();
    while (true) {
      // The list syntax allows empty elements, so commas may repeat.
      while (scanner.consume(',') || scanner.skipSpaces()) {
        // skip
      }
      if (scanner.atEnd()) {
        break;
      }
      int elementStart = scanner.position;
      String name = scanner.token();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "expected an authentication scheme at offset " + elementStart);
      }
      scanner.skipSpaces();
      if (scheme == null && scanner.peek() == '=') {
        throw new IllegalArgumentException(
            "expected an authentication scheme at offset " + elementStart);
      }
      if (scheme != null && scanner.peek() == '=') {
        scanner.consume('=');
        parameters.put(name.toLowerCase(Locale.ROOT), scanner.value());
      } else {
        if (scheme != null) {
          challenges.add(new AuthChallenge(scheme, parameters));
        }
        scheme = name.toLowerCase(Locale.ROOT);
        parameters = new LinkedHashMap<>();
        if (!scanner.atEnd() && scanner.peek() != ',') {
          scanner.firstParameterOrToken68(parameters);
        }
      }
      scanner.skipSpaces();
      if (!scanner.atEnd() && scanner.peek() != ',') {
        throw new IllegalArgumentException("expected ',' at offset " + scanner.position);
      }
    }
    if (scheme == null) {
      throw new IllegalArgumentException("missing authentication scheme");
    }
    challenges.add(new AuthChallenge(scheme, parameters));
    return challenges;
  }

  /** A cursor over the header text. */
  private static final class Scanner {
    private final String text;
    private int position;

    Scanner(String text) {
      this.text = text == null ? "" : text.strip();
    }

    boolean atEnd() {
      return position >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(position);
    }

    boolean consume(char expected) {
      if (peek() != expected) {
        return false;
      }
      position++;
      return true;
    }

    /** Skips spaces and tabs, and returns whether there were any. */
    boolean skipSpaces() {
      int start = position;
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        position++;
      }
      return position > start;
    }

    /**
     * Reads what follows a scheme: its first {@code name=value} parameter into {@code parameters},
     * or a token68, which ends in zero or more {@code =} and is dropped.
     */
    void firstParameterOrToken68(Map<String, String> parameters) {
      int start = position;
      String name = token();
      skipSpaces();
      if (!name.isEmpty() && consume('=')) {
        skipSpaces();
        if (!atEnd() && peek() != ',' && peek() != '=') {
          parameters.put(name.toLowerCase(Locale.ROOT), value());
          return;
        }
      }
      position = start;
      token68();
    }

    /** Reads a parameter value, quoted or bare, after its {@code =}. */
    String value() {
      skipSpaces();
      if (atEnd() || peek() == ',') {
        throw new IllegalArgumentException("expected a value at offset " + position);
      }
      return peek() == '"' ? quoted() : bareValue();
    }

    private void token68() {
      int start = position;
      while (!atEnd() && isToken68Char(peek())) {
        position++;
      }
      if (position == start) {
        throw new IllegalArgumentException("expected name=value at offset " + position);
      }
      while (consume('=')) {
        // trailing padding
      }
    }

    /** Reads an RFC 7230 token, which may be empty. */
    String token() {
      int start = position;
      while (!atEnd() && isTokenChar(peek())) {
        position++;
      }
      return text.substring(start, position);
    }

    /** Reads an unquoted value up to the next comma or space, accepting URLs as registries send. */
    String bareValue() {
      int start = position;
      while (!atEnd() && peek() != ',' && peek() != ' ' && peek() != '\t') {
        position++;
      }
      return text.substring(start, position);
    }

    String quoted() {
      StringBuilder value = new StringBuilder();
      position++;
      while (!atEnd()) {
        char c = text.charAt(position++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\' && !atEnd()) {
          c = text.charAt(position++);
        }
        value.append(c);
      }
      throw new IllegalArgumentException("unterminated quoted string");
    }

    private static boolean isToken68Char(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~+/".indexOf(c) >= 0;
    }

    private static boolean isTokenChar(char c) {
      return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
  }
}
