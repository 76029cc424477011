package dev.temper.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets that the client of one registry sends: the password and the Base64 value of its basic
 * {@code Authorization} header, or the identity token, and every bearer token fetched. A registry
 * may echo a request's {@code Authorization} header in an error body, so text from the registry
 * passes through {@link #redact} before it goes into a message.
 */
final class Secrets {
  /** The text that replaces each secret. */
  static final String MARKER = "<redacted>";

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** Creates an empty set, for a client that sends no credentials. */
  Secrets() {}

  /** Returns the secrets of {@code credentials}, to which fetched tokens are added later. */
  static Secrets of(Optional<Credentials> credentials) {
    Secrets secrets = new Secrets();
    if (credentials.isEmpty()) {
      return secrets;
    }
    secrets.add(credentials.get().secret());
    if (!credentials.get().identityToken()) {
      secrets.add(credentials.get().basicHeader().substring("Basic ".length()));
    }
    return secrets;
  }

  /** Adds a secret, such as a bearer token just fetched. Null and empty values are ignored. */
  void add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      values.add(secret);
    }
  }

  /**
   * Returns {@code text} with every occurrence of each secret replaced by {@link #MARKER}. Case is
   * ignored, because some quoted values, such as a media type, are lower-cased before they are
   * quoted.
   */
  String redact(String text) {
    // The longest go first, so that a secret inside a longer one cannot leave part of it.
    List<String> longestFirst =
        values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String redacted = text;
    for (String secret : longestFirst) {
      redacted =
          Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
              .matcher(redacted)
              .replaceAll(Matcher.quoteReplacement(MARKER));
    }
    return redacted;
  }

  @Override
  public String toString() {
    return "Secrets[" + values.size() + " redacted]";
  }
}
