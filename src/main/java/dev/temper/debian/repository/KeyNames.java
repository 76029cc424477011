package dev.temper.debian.repository;

import java.util.Locale;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.util.encoders.Hex;

/** Formats keys and algorithms the way gpg prints them, for messages and results. */
final class KeyNames {
  private KeyNames() {}

  /** Returns the fingerprint of a key in upper-case hex. */
  static String fingerprint(PGPPublicKey key) {
    return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
  }

  /** Returns a 64-bit key ID as 16 upper-case hex digits. */
  static String keyId(long keyId) {
    return String.format(Locale.ROOT, "%016X", keyId);
  }

  /** Returns the name that armor {@code Hash} headers use for a hash algorithm, such as SHA256. */
  static String hashName(int algorithm) {
    switch (algorithm) {
      case HashAlgorithmTags.MD5:
        return "MD5";
      case HashAlgorithmTags.SHA1:
        return "SHA1";
      case HashAlgorithmTags.RIPEMD160:
        return "RIPEMD160";
      case HashAlgorithmTags.SHA224:
        return "SHA224";
      case HashAlgorithmTags.SHA256:
        return "SHA256";
      case HashAlgorithmTags.SHA384:
        return "SHA384";
      case HashAlgorithmTags.SHA512:
        return "SHA512";
      case HashAlgorithmTags.SHA3_256:
        return "SHA3-256";
      case HashAlgorithmTags.SHA3_512:
        return "SHA3-512";
      default:
        return "hash algorithm " + algorithm;
    }
  }
}
