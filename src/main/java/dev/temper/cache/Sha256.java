package dev.temper.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Helpers for SHA-256 digests written as 64 lower-case hexadecimal digits. */
public final class Sha256 {
  private static final int HEX_LENGTH = 64;

  private Sha256() {}

  /** Returns whether {@code text} is 64 lower-case hexadecimal digits. */
  public static boolean isValid(String text) {
    if (text == null || text.length() != HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code text} unchanged if it is a valid digest. Because the digest becomes a file name
   * in the cache, this check is what keeps a crafted value such as {@code ../../x} out of paths.
   *
   * @throws IllegalArgumentException if {@code text} is not 64 lower-case hexadecimal digits
   */
  public static String requireValid(String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException(
          "invalid SHA-256 digest '" + text + "': expected 64 lower-case hexadecimal digits");
    }
    return text;
  }

  /** Creates a fresh SHA-256 message digest. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }

  /** Returns the lower-case hexadecimal form of a finished digest. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** Returns the SHA-256 of {@code bytes} in hexadecimal. */
  public static String of(byte[] bytes) {
    return hex(newDigest().digest(bytes));
  }
}
