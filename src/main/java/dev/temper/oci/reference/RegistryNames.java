package dev.temper.oci.reference;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Digest;
import java.util.regex.Pattern;

/**
 * Parses repository names as the distribution project's reference grammar defines them: an optional
 * host, slash-separated lower-case path components, an optional tag and an optional digest.
 */
final class RegistryNames {
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern HOST =
      Pattern.compile(
          "(?:"
              + DOMAIN_COMPONENT
              + "(?:\\."
              + DOMAIN_COMPONENT
              + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?");
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final int MAX_NAME_LENGTH = 255;

  /** The parts of a name before the host is checked. */
  record Parts(String host, String repository, String tag, Digest digest) {}

  private RegistryNames() {}

  /**
   * Splits {@code [HOST/]REPOSITORY[:TAG][@DIGEST]}. The first component is the host when it
   * contains a dot or a colon, is {@code localhost}, or has upper-case letters, as in docker.
   *
   * @param text the reference text for parsing
   * @param input the text to name in errors, with its transport prefix
   */
  static Parts split(String text, String input) throws InvalidInputException {
    Digest digest = null;
    String rest = text;
    int at = text.indexOf('@');
    if (at >= 0) {
      digest = parseDigest(text.substring(at + 1), input);
      rest = text.substring(0, at);
    }

    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(input, "invalid tag '" + tag + "'");
      }
    }

    String host = null;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
        host = first;
        rest = rest.substring(slash + 1);
        if (!HOST.matcher(host).matches()) {
          throw invalid(input, "invalid registry host '" + host + "'");
        }
      }
    }

    checkRepository(rest, input);
    return new Parts(host, rest, tag, digest);
  }

  private static void checkRepository(String repository, String input)
      throws InvalidInputException {
    if (repository.isEmpty()) {
      throw invalid(input, "no repository name");
    }
    if (repository.length() > MAX_NAME_LENGTH) {
      throw invalid(input, "the repository name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    for (String component : repository.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        throw invalid(
            input,
            "invalid repository component '"
                + component
                + "': use lower-case letters, digits and single separators . _ __ -");
      }
    }
  }

  private static Digest parseDigest(String text, String input) throws InvalidInputException {
    try {
      return Digest.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e.getMessage());
    }
  }

  static InvalidInputException invalid(String input, String problem) {
    return new InvalidInputException("invalid image reference '" + input + "': " + problem);
  }
}
