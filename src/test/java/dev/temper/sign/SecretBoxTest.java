package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private static final byte[] KEY = filled(32, 7);
  private static final byte[] NONCE = filled(24, 9);
  private static final byte[] MESSAGE = "private key bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealThenOpenReturnsMessage() {
    byte[] box = SecretBox.seal(MESSAGE, NONCE, KEY);

    assertThat(box).hasSize(MESSAGE.length + SecretBox.TAG_BYTES);
    assertThat(SecretBox.open(box, NONCE, KEY)).hasValue(MESSAGE);
  }

  @Test
  void alteredCiphertextFailsTag() {
    byte[] box = SecretBox.seal(MESSAGE, NONCE, KEY);
    box[box.length - 1] ^= 1;

    assertThat(SecretBox.open(box, NONCE, KEY)).isEmpty();
  }

  @Test
  void wrongKeyOrNonceFailsTag() {
    byte[] box = SecretBox.seal(MESSAGE, NONCE, KEY);

    assertThat(SecretBox.open(box, NONCE, filled(32, 8))).isEmpty();
    assertThat(SecretBox.open(box, filled(24, 1), KEY)).isEmpty();
  }

  @Test
  void shortBoxFailsWithoutError() {
    assertThat(SecretBox.open(new byte[15], NONCE, KEY)).isEmpty();
  }

  @Test
  void ciphertextDiffersFromMessage() {
    byte[] box = SecretBox.seal(MESSAGE, NONCE, KEY);

    assertThat(Arrays.copyOfRange(box, SecretBox.TAG_BYTES, box.length)).isNotEqualTo(MESSAGE);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
