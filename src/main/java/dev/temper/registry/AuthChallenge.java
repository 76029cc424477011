package dev.temper.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): a scheme such as {@code Bearer} and its
 * parameters, such as {@code realm}, {@code service} and {@code scope}.
 *
 * @param scheme the scheme in lower case, {@code basic} or {@code bearer}
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
   * Parses the first challenge of a header value. Only one challenge is read because registries
   * send one scheme per header.
   *
   * @throws IllegalArgumentException with the reason when the value is not a valid challenge
   */
  static AuthChallenge parse(String header) {
    Scanner scanner = new Scanner(header);
    String scheme = scanner.token();
    if (scheme.isEmpty()) {
      throw new IllegalArgumentException("no authentication scheme");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    scanner.skipSpaces();
    while (!scanner.atEnd()) {
      String name = scanner.token().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || !scanner.consume('=')) {
        throw new IllegalArgumentException("expected name=value at offset " + scanner.position);
      }
      String value = scanner.peek() == '"' ? scanner.quoted() : scanner.bareValue();
      parameters.put(name, value);
      scanner.skipSpaces();
      if (!scanner.atEnd() && !scanner.consume(',')) {
        throw new IllegalArgumentException("expected ',' at offset " + scanner.position);
      }
      scanner.skipSpaces();
    }
    return new AuthChallenge(scheme.toLowerCase(Locale.ROOT), parameters);
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

    void skipSpaces() {
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        position++;
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

    private static boolean isTokenChar(char c) {
      return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
  }
}
