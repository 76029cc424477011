package dev.temper.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests in lower-case hex, as Packages and Release files write them. */
final class Hashes {
  private Hashes() {}

  static String sha256(byte[] data) {
    return hex("SHA-256", data);
  }

  static String md5(byte[] data) {
    return hex("MD5", data);
  }

  private static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + algorithm, e);
    }
  }
}
