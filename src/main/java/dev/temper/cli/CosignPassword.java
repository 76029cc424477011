package dev.temper.cli;

import dev.temper.error.InvalidInputException;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.SigningKey;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The password of a cosign key: {@code COSIGN_PASSWORD} when it is set (an empty value is an empty
 * password), otherwise a prompt on the terminal.
 */
final class CosignPassword {
  static final String VARIABLE = "COSIGN_PASSWORD";

  private CosignPassword() {}

  /**
   * Returns the password, asking twice on the terminal when {@code confirm} is set.
   *
   * @throws InvalidInputException when the variable is unset and there is no terminal
   */
  static char[] read(Map<String, String> environment, Console console, boolean confirm)
      throws InvalidInputException {
    String value = environment.get(VARIABLE);
    if (value != null) {
      return value.toCharArray();
    }
    if (console == null) {
      throw new InvalidInputException(
          "no password for the key: set " + VARIABLE + " (it may be empty) or run on a terminal");
    }
    char[] first = console.readPassword("Enter password for private key: ");
    if (first == null) {
      throw new InvalidInputException("no password entered");
    }
    if (confirm) {
      char[] second = console.readPassword("Enter password for private key again: ");
      boolean same = Arrays.equals(first, second);
      if (second != null) {
        Arrays.fill(second, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw new InvalidInputException("the two passwords differ");
      }
    }
    return first;
  }

  /** Loads a private key file, reading the password only when the file is encrypted. */
  static SigningKey loadKey(Path path) throws IOException, InvalidInputException {
    byte[] content = KeyFiles.readBounded(path);
    char[] password =
        KeyFiles.isEncrypted(content, path.toString())
            ? read(System.getenv(), System.console(), false)
            : new char[0];
    try {
      return KeyFiles.parsePrivateKey(content, password, path.toString());
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
