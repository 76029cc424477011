package dev.temper.sign;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox}: XSalsa20 encryption with a Poly1305 tag, laid out as the Go and
 * tweetnacl implementations lay it out ({@code tag || ciphertext}).
 *
 * <p>The first 32 bytes of the XSalsa20 key stream are the one-time Poly1305 key, and the message
 * is encrypted with the key stream that follows.
 */
final class SecretBox {
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 24;
  static final int TAG_BYTES = 16;
  private static final int ONE_TIME_KEY_BYTES = 32;

  private SecretBox() {}

  /** Encrypts and authenticates {@code message}; returns the tag followed by the ciphertext. */
  static byte[] seal(byte[] message, byte[] nonce, byte[] key) {
    XSalsa20Engine stream = stream(nonce, key);
    byte[] oneTimeKey = oneTimeKey(stream);
    byte[] box = new byte[TAG_BYTES + message.length];
    stream.processBytes(message, 0, message.length, box, TAG_BYTES);
    byte[] tag = tag(oneTimeKey, box, TAG_BYTES, message.length);
    System.arraycopy(tag, 0, box, 0, TAG_BYTES);
    Arrays.fill(oneTimeKey, (byte) 0);
    return box;
  }

  /**
   * Checks the tag and decrypts a box made by {@link #seal}. Returns empty when the tag does not
   * match, which is what a wrong key (and so a wrong password) produces.
   */
  static Optional<byte[]> open(byte[] box, byte[] nonce, byte[] key) {
    if (box.length < TAG_BYTES) {
      return Optional.empty();
    }
    XSalsa20Engine stream = stream(nonce, key);
    byte[] oneTimeKey = oneTimeKey(stream);
    int length = box.length - TAG_BYTES;
    byte[] expected = tag(oneTimeKey, box, TAG_BYTES, length);
    Arrays.fill(oneTimeKey, (byte) 0);
    if (!MessageDigest.isEqual(expected, Arrays.copyOf(box, TAG_BYTES))) {
      return Optional.empty();
    }
    byte[] message = new byte[length];
    stream.processBytes(box, TAG_BYTES, length, message, 0);
    return Optional.of(message);
  }

  private static XSalsa20Engine stream(byte[] nonce, byte[] key) {
    if (key.length != KEY_BYTES || nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException(
          "secretbox needs a 32-byte key and a 24-byte nonce, got "
              + key.length
              + " and "
              + nonce.length);
    }
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  private static byte[] oneTimeKey(XSalsa20Engine stream) {
    byte[] oneTimeKey = new byte[ONE_TIME_KEY_BYTES];
    stream.processBytes(new byte[ONE_TIME_KEY_BYTES], 0, ONE_TIME_KEY_BYTES, oneTimeKey, 0);
    return oneTimeKey;
  }

  private static byte[] tag(byte[] oneTimeKey, byte[] data, int offset, int length) {
    // Without a block cipher, Bouncy Castle's Poly1305 takes r || s directly and clamps r.
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(oneTimeKey));
    mac.update(data, offset, length);
    byte[] tag = new byte[TAG_BYTES];
    mac.doFinal(tag, 0);
    return tag;
  }
}
