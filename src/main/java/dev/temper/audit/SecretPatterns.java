package dev.temper.audit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises secrets by name (password, token, secret, key, credentials) and by value (cloud access
 * keys, tokens of well-known forms, PEM private keys). Used on Dockerfile {@code ENV} and {@code
 * ARG}, image environments and image history.
 */
public final class SecretPatterns {
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          ".*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?).*");
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[baprs]-[A-Za-z0-9-]{10,}"
              + "|-----BEGIN [A-Z ]*PRIVATE KEY-----|glpat-[A-Za-z0-9_-]{20,})");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

  private SecretPatterns() {}

  /** Returns whether a variable name suggests that its value is a secret. */
  public static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
  }

  /** Returns whether the text contains a value that has the form of a well-known secret. */
  public static boolean containsSecretValue(String text) {
    return SECRET_VALUE.matcher(text).find();
  }

  /** Returns whether the text contains a PEM private key header. */
  public static boolean containsPrivateKey(CharSequence text) {
    return PRIVATE_KEY.matcher(text).find();
  }

  /** Returns the value with all but its first two characters masked, for evidence and logs. */
  public static String redact(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return value.substring(0, Math.min(2, value.length())) + "***";
  }
}
