package dev.temper.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec writes it, {@code algorithm:encoded}. Only {@code sha256}
 * and {@code sha512} are accepted, with lower-case hex of the right length, so a digest that parses
 * can be used safely as a file name under {@code blobs/}.
 *
 * @param algorithm {@code sha256} or {@code sha512}
 * @param hex the lower-case hex encoding of the hash
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  public Digest {
    int length =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          default ->
              throw new IllegalArgumentException(
                  "unsupported digest algorithm '" + algorithm + "'");
        };
    if (hex.length() != length || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "invalid " + algorithm + " digest: expected " + length + " lower-case hex digits");
    }
  }

  /**
   * Parses {@code algorithm:hex}.
   *
   * @throws IllegalArgumentException when the text is not a supported, well-formed digest
   */
  @JsonCreator
  public static Digest parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("invalid digest '" + text + "': expected algorithm:hex");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Returns the SHA-256 digest of the bytes. */
  public static Digest sha256(byte[] content) {
    return new Digest("sha256", HexFormat.of().formatHex(sha256Hasher().digest(content)));
  }

  /** Returns the SHA-256 digest of a hash computed elsewhere, such as while streaming. */
  public static Digest sha256Of(MessageDigest finished) {
    return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
  }

  /** Returns a fresh SHA-256 hasher. */
  public static MessageDigest sha256Hasher() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK provides SHA-256", e);
    }
  }

  /** Returns a fresh hasher for this digest's algorithm. */
  public MessageDigest newHasher() {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK provides SHA-256 and SHA-512", e);
    }
  }

  // equals and hashCode are written out because a record's generated ones link method handles on
  // their first call, which took about 15 ms of every registry command's start.
  @Override
  public boolean equals(Object other) {
    return other instanceof Digest digest
        && algorithm.equals(digest.algorithm)
        && hex.equals(digest.hex);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + hex.hashCode();
  }

  /** Returns {@code sha256-<hex>}, the tag under which cosign stores artifacts for a digest. */
  public String tagForm() {
    return algorithm + "-" + hex;
  }

  @JsonValue
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
