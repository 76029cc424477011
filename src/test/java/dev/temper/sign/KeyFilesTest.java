package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TrustException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  private static final char[] HELLO = "hello".toCharArray();

  static byte[] resource(String name) throws IOException {
    try (InputStream in = KeyFilesTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  @Test
  void cosignSigstoreKeyOpensWithItsPassword() throws Exception {
    SigningKey key = KeyFiles.parsePrivateKey(resource("cosign-sigstore.key"), HELLO, "fixture");

    byte[] signature = key.sign("data".getBytes(StandardCharsets.UTF_8));

    assertThat(key.verificationKey().verifies("data".getBytes(StandardCharsets.UTF_8), signature))
        .isTrue();
    assertThat(KeyFiles.isEncrypted(resource("cosign-sigstore.key"), "fixture")).isTrue();
  }

  @Test
  void wrongPasswordRaisesTrustException() {
    assertThatThrownBy(
            () ->
                KeyFiles.parsePrivateKey(
                    resource("cosign-sigstore.key"), "wrong".toCharArray(), "cosign.key"))
        .isInstanceOf(TrustException.class)
        .hasMessage("cosign.key: cannot decrypt the private key: wrong password or altered file");
  }

  @Test
  void sec1InsideEncryptedKeyIsRejected() {
    // cosign rejects this published key too, because its envelope contains SEC1, not PKCS#8.
    assertThatThrownBy(
            () -> KeyFiles.parsePrivateKey(resource("cosign-ec-sec1-inside.key"), HELLO, "k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("k: invalid PKCS#8 private key");
  }

  @Test
  void plainEcAndPkcs8KeysLoad() throws Exception {
    SigningKey sec1 = KeyFiles.parsePrivateKey(resource("ec-p256.key"), new char[0], "sec1");
    SigningKey pkcs8 = KeyFiles.parsePrivateKey(resource("ec-p256-pkcs8.key"), new char[0], "p8");

    // The SEC1 fixture embeds its public point, which the loader checks against the scalar.
    assertThat(Base64.getEncoder().encodeToString(sec1.publicKey().getEncoded()))
        .isEqualTo(
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+9E3Qe+h25ofmz3Uo2T004Dfy49iX06MMbxf9rsGmLkOPrS0"
                + "KYDl1QMfFuSbrtf8wTWNT9HNxrW/Foz39mDhHw==");
    assertThat(pkcs8.publicKey().getW()).isNotEqualTo(sec1.publicKey().getW());
    assertThat(KeyFiles.isEncrypted(resource("ec-p256.key"), "sec1")).isFalse();
  }

  @Test
  void p384KeyIsRejected() {
    assertThatThrownBy(() -> KeyFiles.parsePrivateKey(resource("ec-p384.key"), HELLO, "p384"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("p384: EC curve 1.3.132.0.34 is not supported; only P-256 keys are");
  }

  @Test
  void writtenKeyPairReadsBack(@TempDir Path dir) throws Exception {
    SecureRandom random = new SecureRandom();
    SigningKey key = SigningKey.generate(random);

    Path[] written = KeyFiles.writeKeyPair(dir.resolve("cosign"), key, HELLO, random);
    SigningKey back = KeyFiles.parsePrivateKey(Files.readAllBytes(written[0]), HELLO, "key");
    VerificationKey pub = KeyFiles.parsePublicKey(Files.readAllBytes(written[1]), "pub");

    assertThat(written[0]).hasFileName("cosign.key");
    assertThat(written[1]).hasFileName("cosign.pub");
    assertThat(Files.readString(written[0]))
        .startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY");
    assertThat(back.publicKey()).isEqualTo(key.publicKey());
    assertThat(pub.publicKey()).isEqualTo(key.publicKey());
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written[0])))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written[1])))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void envelopeUsesCosignLayout(@TempDir Path dir) throws Exception {
    String pem =
        KeyFiles.encryptedPrivateKeyPem(
            SigningKey.generate(new SecureRandom()), HELLO, new SecureRandom());
    var json = Json.parse(Pem.parse(pem.getBytes(StandardCharsets.US_ASCII), "pem").bytes(), "e");

    assertThat(json.path("kdf").path("name").asText()).isEqualTo("scrypt");
    assertThat(json.path("kdf").path("params").path("N").asInt()).isEqualTo(32768);
    assertThat(json.path("kdf").path("params").path("r").asInt()).isEqualTo(8);
    assertThat(json.path("kdf").path("params").path("p").asInt()).isEqualTo(1);
    assertThat(Base64.getDecoder().decode(json.path("kdf").path("salt").asText())).hasSize(32);
    assertThat(json.path("cipher").path("name").asText()).isEqualTo("nacl/secretbox");
    assertThat(Base64.getDecoder().decode(json.path("cipher").path("nonce").asText())).hasSize(24);
    // PKCS#8 of a P-256 key (138 bytes) plus the 16-byte Poly1305 tag.
    assertThat(Base64.getDecoder().decode(json.path("ciphertext").asText())).hasSize(154);
  }

  @Test
  void olderCosignLabelIsRead() throws Exception {
    SigningKey key = SigningKey.generate(new SecureRandom());
    String pem =
        KeyFiles.encryptedPrivateKeyPem(key, HELLO, new SecureRandom())
            .replace(KeyFiles.SIGSTORE_PRIVATE_KEY, KeyFiles.COSIGN_PRIVATE_KEY);

    SigningKey back =
        KeyFiles.parsePrivateKey(pem.getBytes(StandardCharsets.US_ASCII), HELLO, "old.key");

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----");
    assertThat(back.publicKey()).isEqualTo(key.publicKey());
  }

  @Test
  void existingKeyFileIsNotReplaced(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cosign.key"), "keep");
    SecureRandom random = new SecureRandom();

    assertThatThrownBy(
            () ->
                KeyFiles.writeKeyPair(
                    dir.resolve("cosign"), SigningKey.generate(random), HELLO, random))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("cosign.key: file exists; remove it or choose another prefix");
    assertThat(Files.readString(dir.resolve("cosign.key"))).isEqualTo("keep");
    assertThat(dir.resolve("cosign.pub")).doesNotExist();
  }

  @Test
  void badKeyFilesRaiseClearErrors() {
    assertRejected("not a key", "f: no PEM block found (expected -----BEGIN ...)");
    assertRejected(
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        "f: PEM block 'PUBLIC KEY' is not a supported private key");
    assertRejected(
        "-----BEGIN EC PRIVATE KEY-----\nAA\n-----END EC PRIVATE KEY-----\n"
            + "-----BEGIN EC PRIVATE KEY-----\nAA\n-----END EC PRIVATE KEY-----\n",
        "f: more than one PEM block; expected one key");
    assertRejected(
        sealedPem("{\"kdf\":"),
        "f: encrypted key: invalid JSON at line 1, column 8: unexpected end-of-input");
    assertRejected(sealedPem("[]"), "f: encrypted key: expected a JSON object");
    assertRejected(
        sealedPem(
            "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":1073741824,\"r\":8,\"p\":1},"
                + "\"salt\":\"\"},\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"\"},"
                + "\"ciphertext\":\"\"}"),
        "f: scrypt parameters N=1073741824 r=8 need more than 256 MiB of memory");
    assertRejected(
        sealedPem("{\"kdf\":{\"name\":\"pbkdf2\"},\"cipher\":{\"name\":\"nacl/secretbox\"}}"),
        "f: unsupported kdf 'pbkdf2', expected 'scrypt'");
    assertRejected(
        sealedPem(
            "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":1024,\"r\":8,\"p\":1},"
                + "\"salt\":\"AA==\"},\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"AA==\"},"
                + "\"ciphertext\":\"AA==\"}"),
        "f: cipher.nonce is 1 bytes, expected 24");
  }

  @Test
  void oversizedKeyFileIsRejectedBeforeParsing() {
    byte[] huge = new byte[Pem.MAX_FILE_BYTES + 1];

    assertThatThrownBy(() -> KeyFiles.parsePrivateKey(huge, HELLO, "big"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("big: key file is 65537 bytes, the maximum is 65536");
  }

  @Test
  void publicKeyFileMustHoldPublicKey() {
    assertThatThrownBy(() -> KeyFiles.parsePublicKey(resource("ec-p256.key"), "cosign.pub"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cosign.pub: PEM block 'EC PRIVATE KEY' is not a PUBLIC KEY");
  }

  private static String sealedPem(String json) {
    return new Pem(KeyFiles.SIGSTORE_PRIVATE_KEY, json.getBytes(StandardCharsets.UTF_8)).encode();
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(
            () -> KeyFiles.parsePrivateKey(text.getBytes(StandardCharsets.US_ASCII), HELLO, "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message);
  }
}
