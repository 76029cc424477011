package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TrustException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The password-protected private key body that cosign writes inside its PEM blocks: a JSON object
 * naming an scrypt key derivation (salt, N, r, p) and a NaCl secretbox cipher (nonce), with the
 * sealed PKCS#8 bytes as {@code ciphertext}. All byte fields are standard base64.
 */
final class EncryptedKeyEnvelope {
  /** The scrypt cost that cosign writes (go-securesystemslib's defaults). */
  static final int DEFAULT_N = 32768;

  static final int DEFAULT_R = 8;
  static final int DEFAULT_P = 1;

  // scrypt needs 128 * N * r bytes, so these caps keep a hostile key file under 256 MiB.
  private static final long MAX_SCRYPT_MEMORY = 256L * 1024 * 1024;
  private static final int MAX_R = 32;
  private static final int MAX_P = 16;
  private static final int SALT_BYTES = 32;

  private EncryptedKeyEnvelope() {}

  /** Seals {@code secret} under {@code password} with the default scrypt cost. */
  static byte[] seal(byte[] secret, char[] password, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[SecretBox.NONCE_BYTES];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] key = derive(password, salt, DEFAULT_N, DEFAULT_R, DEFAULT_P);
    byte[] box = SecretBox.seal(secret, nonce, key);
    Arrays.fill(key, (byte) 0);

    Base64.Encoder base64 = Base64.getEncoder();
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode kdf = root.putObject("kdf");
    kdf.put("name", "scrypt");
    ObjectNode params = kdf.putObject("params");
    params.put("N", DEFAULT_N);
    params.put("r", DEFAULT_R);
    params.put("p", DEFAULT_P);
    kdf.put("salt", base64.encodeToString(salt));
    ObjectNode cipher = root.putObject("cipher");
    cipher.put("name", "nacl/secretbox");
    cipher.put("nonce", base64.encodeToString(nonce));
    root.put("ciphertext", base64.encodeToString(box));
    return Json.bytes(root);
  }

  /**
   * Opens an envelope. A wrong password fails the secretbox tag and raises {@link TrustException}.
   *
   * @param source the file name used in error messages
   */
  static byte[] open(byte[] json, char[] password, String source) throws InvalidInputException {
    JsonNode root = Json.parse(json, source + ": encrypted key");
    JsonNode kdf = root.path("kdf");
    JsonNode cipher = root.path("cipher");
    requireName(kdf, "scrypt", "kdf", source);
    requireName(cipher, "nacl/secretbox", "cipher", source);
    JsonNode params = kdf.path("params");
    long n = requireLong(params, "N", source);
    long r = requireLong(params, "r", source);
    long p = requireLong(params, "p", source);
    checkCost(n, r, p, source);
    byte[] salt = requireBase64(kdf, "salt", source);
    byte[] nonce = requireBase64(cipher, "nonce", source);
    byte[] box = requireBase64(root, "ciphertext", source);
    if (nonce.length != SecretBox.NONCE_BYTES) {
      throw new InvalidInputException(
          source + ": cipher.nonce is " + nonce.length + " bytes, expected 24");
    }

    byte[] key = derive(password, salt, (int) n, (int) r, (int) p);
    try {
      return SecretBox.open(box, nonce, key)
          .orElseThrow(
              () ->
                  new TrustException(
                      source + ": cannot decrypt the private key: wrong password or altered file"));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void checkCost(long n, long r, long p, String source)
      throws InvalidInputException {
    boolean powerOfTwo = n > 1 && (n & (n - 1)) == 0;
    if (!powerOfTwo || r < 1 || r > MAX_R || p < 1 || p > MAX_P) {
      throw new InvalidInputException(
          source + ": unsupported scrypt parameters N=" + n + " r=" + r + " p=" + p);
    }
    if (128 * n * r > MAX_SCRYPT_MEMORY) {
      throw new InvalidInputException(
          source
              + ": scrypt parameters N="
              + n
              + " r="
              + r
              + " need more than "
              + (MAX_SCRYPT_MEMORY >> 20)
              + " MiB of memory");
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int n, int r, int p) {
    java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
    byte[] passwordBytes = new byte[encoded.remaining()];
    encoded.get(passwordBytes);
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      return SCrypt.generate(passwordBytes, salt, n, r, p, SecretBox.KEY_BYTES);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  private static void requireName(JsonNode node, String expected, String field, String source)
      throws InvalidInputException {
    String name = node.path("name").asText("");
    if (!expected.equals(name)) {
      throw new InvalidInputException(
          source + ": unsupported " + field + " '" + name + "', expected '" + expected + "'");
    }
  }

  private static long requireLong(JsonNode node, String field, String source)
      throws InvalidInputException {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new InvalidInputException(source + ": kdf.params." + field + " is missing or invalid");
    }
    return value.asLong();
  }

  private static byte[] requireBase64(JsonNode node, String field, String source)
      throws InvalidInputException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidInputException(source + ": field " + field + " is missing");
    }
    try {
      return Base64.getDecoder().decode(value.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(source + ": field " + field + " is not valid base64", e);
    }
  }
}
