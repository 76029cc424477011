package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests in the {@code sha256:<hex>} form that OCI uses. */
final class Digests {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  private Digests() {}

  static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK provides SHA-256", e);
    }
  }

  static String of(byte[] content) {
    return "sha256:" + HexFormat.of().formatHex(sha256(content));
  }

  /** Returns the hex part of a valid digest, rejecting anything else (such as {@code ../}). */
  static String hex(String digest) throws InvalidInputException {
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new InvalidInputException(
          "invalid digest '" + digest + "': expected sha256: and 64 lowercase hex digits");
    }
    return digest.substring("sha256:".length());
  }
}
