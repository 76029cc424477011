package dev.temper.debian.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TrustException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies InRelease files published by Debian, copied unchanged from the apt lists of a bookworm
 * host, against Debian's archive keys.
 */
class DebianInReleaseTest {
  private static final String SECURITY = "bookworm-security InRelease";
  private static final String BULLSEYE_SECURITY_SUBKEY = "ED541312A33F1128F10B1C6C54404762BBB6E853";
  private static final String BOOKWORM_SECURITY_SUBKEY = "B0CAB9266E8C3929798B3EEEBDE6D2B9216EC7A8";

  /** Between the security file's Date (2 Dec 23:13:43) and its Valid-Until (9 Dec 23:13:43). */
  private static final Instant WITHIN_VALIDITY = Instant.parse("2026-12-05T12:00:00Z");

  @TempDir Path dir;

  @Test
  void securityVerifiesWithHostKeyring() throws Exception {
    Keyring keyring = Keyring.load(List.of(Keyring.DEBIAN_SYSTEM_KEYRING));

    VerifiedRelease verified =
        verifier(WITHIN_VALIDITY).verify(security(), keyring, "bookworm-security", SECURITY);

    assertThat(verified.signerFingerprints())
        .containsExactly(BULLSEYE_SECURITY_SUBKEY, BOOKWORM_SECURITY_SUBKEY);
    assertThat(verified.inReleaseSha256())
        .isEqualTo("024f023cb2aafd6ed4dd2d93b1db40e527112f4f2ff6bb01ab6c7b0922329e53");
  }

  @Test
  void securityParsesSignedFields() throws Exception {
    ReleaseFile release =
        verifier(WITHIN_VALIDITY)
            .verify(security(), Keyring.bundledDebianKeys(), "oldstable-security", SECURITY)
            .release();

    assertThat(release.origin()).isEqualTo("Debian");
    assertThat(release.suite()).isEqualTo("oldstable-security");
    assertThat(release.codename()).isEqualTo("bookworm-security");
    assertThat(release.date()).isEqualTo(Instant.parse("2026-12-02T23:13:43Z"));
    assertThat(release.validUntil()).contains(Instant.parse("2026-12-09T23:13:43Z"));
    assertThat(release.acquireByHash()).isTrue();
    assertThat(release.components()).contains("updates/main");
    assertThat(release.sha256Entry("main/binary-amd64/Packages.xz"))
        .contains(
            new ReleaseFile.FileEntry(
                "main/binary-amd64/Packages.xz",
                385532,
                "a28f0765258285920aae9076f2e256ab3b8341ef03590fdf34e5839c36a9094a"));
  }

  @Test
  void bundledKeysIgnoreUnknownBullseyeSigner() throws Exception {
    VerifiedRelease verified =
        verifier(WITHIN_VALIDITY)
            .verify(security(), Keyring.bundledDebianKeys(), "bookworm-security", SECURITY);

    assertThat(verified.signerFingerprints()).containsExactly(BOOKWORM_SECURITY_SUBKEY);
  }

  @Test
  void updatesVerifiesWithDefaultKeyring() throws Exception {
    byte[] updates = resource("bookworm-updates.InRelease");
    Instant afterDate = Instant.parse("2026-12-03T03:00:00Z");

    VerifiedRelease verified =
        verifier(afterDate)
            .verify(updates, Keyring.debianDefault(), "bookworm-updates", "updates InRelease");

    assertThat(verified.signerFingerprints())
        .containsExactly(
            "4CB50190207B4758A3F73A796ED0E7B82643E131", "B8E5F13176D2A7A75220028078DBA3BC47EF2265");
    assertThat(verified.release().validUntil()).isEmpty();
  }

  @Test
  void oneChangedByteFails() throws Exception {
    byte[] tampered =
        replaceOnce(
            security(),
            "385532 main/binary-amd64/Packages.xz",
            "385533 main/binary-amd64/Packages.xz");

    assertThatThrownBy(() -> verifyWithBundledKeys(tampered))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            SECURITY
                + ": bad signature by key "
                + BOOKWORM_SECURITY_SUBKEY
                + ", the file was modified or corrupted");
  }

  @Test
  void unsignedReleaseFails() throws Exception {
    String text = new String(security(), StandardCharsets.UTF_8);
    String body = text.substring(text.indexOf("Origin:"), text.indexOf("-----BEGIN PGP SIGNATURE"));

    assertThatThrownBy(() -> verifyWithBundledKeys(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(TrustException.class)
        .hasMessage(SECURITY + ": not signed, expected a -----BEGIN PGP SIGNED MESSAGE----- line");
  }

  @Test
  void keyringWithoutSignersFails() throws Exception {
    Path trixieOnly = dir.resolve("trixie.asc");
    try (InputStream in =
        getClass()
            .getResourceAsStream("/dev/temper/debian/keys/debian-archive-trixie-automatic.asc")) {
      Files.write(trixieOnly, in.readAllBytes());
    }
    Keyring keyring = Keyring.load(List.of(trixieOnly));

    assertThatThrownBy(
            () ->
                verifier(WITHIN_VALIDITY)
                    .verify(security(), keyring, "bookworm-security", SECURITY))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            SECURITY
                + ": no valid signature by a trusted key: "
                + "signature by unknown key 54404762BBB6E853; "
                + "signature by unknown key BDE6D2B9216EC7A8");
  }

  @Test
  void passedValidUntilFails() throws Exception {
    Instant afterValidity = Instant.parse("2026-12-09T23:13:43Z");

    assertThatThrownBy(
            () ->
                verifier(afterValidity)
                    .verify(security(), Keyring.bundledDebianKeys(), "bookworm-security", SECURITY))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            SECURITY
                + ": expired, its Valid-Until date Wed, 09 Dec 2026 23:13:43 UTC has passed;"
                + " the mirror serves outdated metadata");
  }

  @Test
  void dateInFutureFails() throws Exception {
    Instant beforeDate = Instant.parse("2026-12-02T23:00:00Z");

    assertThatThrownBy(
            () ->
                verifier(beforeDate)
                    .verify(security(), Keyring.bundledDebianKeys(), "bookworm-security", SECURITY))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            SECURITY
                + ": its Date Wed, 02 Dec 2026 23:13:43 UTC lies in the future"
                + " (now is Wed, 02 Dec 2026 23:00:00 UTC); check the system clock");
  }

  @Test
  void otherSuiteFails() throws Exception {
    assertThatThrownBy(
            () ->
                verifier(WITHIN_VALIDITY)
                    .verify(security(), Keyring.bundledDebianKeys(), "bookworm", SECURITY))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            SECURITY
                + ": expected suite bookworm but the file is for Suite oldstable-security,"
                + " Codename bookworm-security");
  }

  @Test
  void appendedDataFails() throws Exception {
    byte[] original = security();
    byte[] appended = Arrays.copyOf(original, original.length + 8);
    System.arraycopy(
        "Garbage\n".getBytes(StandardCharsets.US_ASCII), 0, appended, original.length, 8);

    assertThatThrownBy(() -> verifyWithBundledKeys(appended))
        .isInstanceOf(TrustException.class)
        .hasMessage(SECURITY + ": contains unsigned data after the signature, at line 336");
  }

  @Test
  void prependedDataFails() throws Exception {
    String text = "Suite: bookworm-security\n" + new String(security(), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifyWithBundledKeys(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            SECURITY + ": contains data before the signed message, which must start the file");
  }

  private static InReleaseVerifier verifier(Instant now) {
    return new InReleaseVerifier(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static VerifiedRelease verifyWithBundledKeys(byte[] data) throws InvalidInputException {
    return verifier(WITHIN_VALIDITY)
        .verify(data, Keyring.bundledDebianKeys(), "bookworm-security", SECURITY);
  }

  private static byte[] security() throws IOException {
    return resource("bookworm-security.InRelease");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DebianInReleaseTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] replaceOnce(byte[] data, String from, String to) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    assertThat(text).contains(from);
    return text.replaceFirst(java.util.regex.Pattern.quote(from), to)
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
