package dev.temper.debian.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.TrustException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Splits cleartext signed messages without checking the signatures. */
class ClearsignedMessageTest {
  private static final String NAME = "sample InRelease";
  private static final String SIGNATURE =
      "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n=AfjX\n-----END PGP SIGNATURE-----\n";

  private static ClearsignedMessage parse(String text) throws TrustException {
    return ClearsignedMessage.parse(text.getBytes(StandardCharsets.UTF_8), NAME);
  }

  private static String signedText(ClearsignedMessage message) {
    return new String(message.signedText(), StandardCharsets.UTF_8);
  }

  @Test
  void textIsCanonical() throws Exception {
    ClearsignedMessage message =
        parse(
            "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n"
                + "Suite: stable  \n"
                + "- -dashed line\n"
                + "- Codename: trixie\t\n"
                + "\n"
                + "Last: line\n"
                + SIGNATURE);

    assertThat(signedText(message))
        .isEqualTo("Suite: stable\r\n-dashed line\r\nCodename: trixie\r\n\r\nLast: line");
  }

  @Test
  void crlfInputGivesSameText() throws Exception {
    String lf = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\nB: 2\n" + SIGNATURE;

    ClearsignedMessage message = parse(lf.replace("\n", "\r\n"));

    assertThat(signedText(message)).isEqualTo("A: 1\r\nB: 2");
  }

  @Test
  void hashHeadersAreCollected() throws Exception {
    ClearsignedMessage message =
        parse(
            "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256, sha512\nHash: SHA384\n\nA: 1\n"
                + SIGNATURE);

    assertThat(message.hashAlgorithms()).containsExactly("SHA256", "SHA512", "SHA384");
  }

  @Test
  void nonUtf8BytesSurvive() throws Exception {
    byte[] latin1 =
        ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: caf\u00e9\n" + SIGNATURE)
            .getBytes(StandardCharsets.ISO_8859_1);

    ClearsignedMessage message = ClearsignedMessage.parse(latin1, NAME);

    assertThat(message.signedText()).containsExactly('A', ':', ' ', 'c', 'a', 'f', 0xe9);
  }

  @Test
  void severalSignatureBlocksAreKept() throws Exception {
    ClearsignedMessage message =
        parse("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n" + SIGNATURE + SIGNATURE);

    assertThat(message.signatureBlocks()).hasSize(2);
    assertThat(new String(message.signatureBlocks().get(1), StandardCharsets.UTF_8))
        .isEqualTo(SIGNATURE);
  }

  @Test
  void emptyFileFails() {
    assertFails("", NAME + ": not signed, expected a -----BEGIN PGP SIGNED MESSAGE----- line");
  }

  @Test
  void dataBeforeMessageFails() {
    assertFails(
        "\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n" + SIGNATURE,
        NAME + ": contains data before the signed message, which must start the file");
  }

  @Test
  void otherArmorHeaderFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\nNotDashEscaped: yes\n\nA: 1\n"
            + SIGNATURE,
        NAME + ": line 3: unexpected armor header 'NotDashEscaped: yes'");
  }

  @Test
  void unescapedDashFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n-----END PGP SIGNATURE-----\n"
            + SIGNATURE,
        NAME + ": line 5: line starts with a dash but is not dash-escaped");
  }

  @Test
  void missingSignatureFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n",
        NAME + ": not signed, the message has no signature block");
  }

  @Test
  void missingTextFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n",
        NAME + ": truncated, the signed message has no text");
  }

  @Test
  void unclosedSignatureFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n"
            + "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n",
        NAME + ": truncated, the signature block is not closed");
  }

  @Test
  void headerInsideSignatureFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n"
            + "-----BEGIN PGP SIGNATURE-----\n-----BEGIN PGP SIGNED MESSAGE-----\n",
        NAME + ": line 6: unexpected line in the signature block");
  }

  @Test
  void blankLineAfterSignatureFails() {
    assertFails(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n" + SIGNATURE + "\n",
        NAME + ": contains unsigned data after the signature, at line 10");
  }

  @Test
  void secondMessageAfterSignatureFails() {
    String message = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n" + SIGNATURE;

    assertFails(
        message + message, NAME + ": contains unsigned data after the signature, at line 10");
  }

  private static void assertFails(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(TrustException.class).hasMessage(message);
  }
}
