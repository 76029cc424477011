package dev.temper.debian.repository;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.TrustException;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import dev.temper.testing.TestArchive.KeyState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies InRelease files of archives that the tests sign with throwaway gpg keys. */
class InReleaseVerifierTest {
  private static final String NAME = "test InRelease";

  /** The Release Date of every archive; keys are created at this time unless they expire. */
  private static final Instant DATE = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;

  private TestArchive archive() {
    return TestArchive.create(dir)
        .suite("stable")
        .codename("trixie")
        .date(DATE)
        .add(pkg("hello", "1.0"));
  }

  private static VerifiedRelease verify(PublishedArchive archive, Keyring keyring, Instant now)
      throws Exception {
    return new InReleaseVerifier(Clock.fixed(now, ZoneOffset.UTC))
        .verify(archive.inReleaseBytes(), keyring, "stable", NAME);
  }

  private static VerifiedRelease verify(PublishedArchive archive) throws Exception {
    return verify(archive, archive.keyring(), DATE.plus(Duration.ofHours(1)));
  }

  @Test
  void signedArchiveVerifies() throws Exception {
    PublishedArchive archive = archive().publish();
    Path packagesXz = archive.packagesIndex("main", "amd64").resolveSibling("Packages.xz");

    VerifiedRelease verified = verify(archive);

    assertThat(verified.signerFingerprints()).containsExactly(archive.signerFingerprint());
    assertThat(verified.inReleaseSha256()).isEqualTo(sha256(archive.inReleaseBytes()));
    assertThat(verified.release().sha256Entry("main/binary-amd64/Packages.xz"))
        .contains(
            new ReleaseFile.FileEntry(
                "main/binary-amd64/Packages.xz",
                Files.size(packagesXz),
                sha256(Files.readAllBytes(packagesXz))));
  }

  @Test
  void codenameMatchesExpectedSuite() throws Exception {
    PublishedArchive archive = archive().publish();

    VerifiedRelease verified =
        new InReleaseVerifier(Clock.fixed(DATE, ZoneOffset.UTC))
            .verify(archive.inReleaseBytes(), archive.keyring(), "trixie", NAME);

    assertThat(verified.release().suite()).isEqualTo("stable");
  }

  @Test
  void rsaKeyVerifies() throws Exception {
    PublishedArchive archive = archive().keyAlgorithm("rsa2048").publish();

    assertThat(verify(archive).signerFingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void armoredKeyringVerifies() throws Exception {
    PublishedArchive archive = archive().publish();
    Keyring armored = Keyring.load(List.of(archive.armoredPublicKey()));

    VerifiedRelease verified = verify(archive, armored, DATE);

    assertThat(verified.signerFingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void subkeySignatureVerifies() throws Exception {
    PublishedArchive archive = archive().signWithSubkey().publish();
    Keyring keyring = archive.keyring();

    VerifiedRelease verified = verify(archive);

    assertThat(verified.signerFingerprints()).containsExactly(archive.signerFingerprint());
    assertThat(keyring.fingerprints()).doesNotContain(archive.signerFingerprint());
  }

  @Test
  void crlfLineEndsVerify() throws Exception {
    PublishedArchive archive = archive().publish();
    String text = new String(archive.inReleaseBytes(), StandardCharsets.UTF_8);
    Files.writeString(archive.inRelease(), text.replace("\n", "\r\n"));

    assertThat(verify(archive).signerFingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void trailingWhitespaceIsNotSigned() throws Exception {
    PublishedArchive archive = archive().publish();
    archive.replaceInInRelease("Label: Temper\n", "Label: Temper \t \n");

    assertThat(verify(archive).release().label()).isEqualTo("Temper");
  }

  @Test
  void unknownCosignerIsIgnored() throws Exception {
    PublishedArchive archive = archive().cosignWithUnknownKey().publish();

    assertThat(verify(archive).signerFingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void changedByteFails() throws Exception {
    PublishedArchive archive = archive().publish();
    archive.replaceInInRelease("Label: Temper", "Label: Tamper");

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": bad signature by key "
                + archive.signerFingerprint()
                + ", the file was modified or corrupted");
  }

  @Test
  void unsignedReleaseFails() throws Exception {
    PublishedArchive archive = archive().publish();
    Files.copy(
        archive.release(), archive.inRelease(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(NAME + ": not signed, expected a -----BEGIN PGP SIGNED MESSAGE----- line");
  }

  @Test
  void otherArchiveKeyFails() throws Exception {
    PublishedArchive archive = archive().publish();
    PublishedArchive other =
        TestArchive.create(dir.resolve("other")).date(DATE).add(pkg("other", "1.0")).publish();
    String keyId = archive.signerFingerprint().substring(24);

    assertThatThrownBy(() -> verify(archive, other.keyring(), DATE))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME + ": no valid signature by a trusted key: signature by unknown key " + keyId);
  }

  @Test
  void passedValidUntilFails() throws Exception {
    PublishedArchive archive = archive().validUntil(DATE.plus(Duration.ofDays(7))).publish();

    assertThatThrownBy(() -> verify(archive, archive.keyring(), DATE.plus(Duration.ofDays(8))))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": expired, its Valid-Until date Sun, 08 Mar 2026 10:00:00 UTC has passed;"
                + " the mirror serves outdated metadata");
  }

  @Test
  void futureValidUntilPasses() throws Exception {
    PublishedArchive archive = archive().validUntil(DATE.plus(Duration.ofDays(7))).publish();

    VerifiedRelease verified = verify(archive, archive.keyring(), DATE.plus(Duration.ofDays(6)));

    assertThat(verified.release().validUntil()).contains(DATE.plus(Duration.ofDays(7)));
  }

  @Test
  void expiredKeyFails() throws Exception {
    PublishedArchive archive = archive().keyState(KeyState.EXPIRED).publish();
    Instant expiry = DATE.minus(Duration.ofDays(29));

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": no valid signature by a trusted key: signature by key "
                + archive.signerFingerprint()
                + " expired on "
                + expiry);
  }

  @Test
  void revokedKeyFails() throws Exception {
    PublishedArchive archive = archive().keyState(KeyState.REVOKED).publish();

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": no valid signature by a trusted key: signature by key "
                + archive.signerFingerprint()
                + " is revoked");
  }

  @Test
  void sha1SignatureFails() throws Exception {
    PublishedArchive archive = archive().digest("SHA1").publish();

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": no valid signature by a trusted key: signature by key "
                + archive.signerFingerprint()
                + " uses the weak digest algorithm SHA1");
  }

  @Test
  void hashHeaderConflictFails() throws Exception {
    PublishedArchive archive = archive().digest("SHA512").publish();
    archive.replaceInInRelease("Hash: SHA512\n", "Hash: SHA256\n");

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": no valid signature by a trusted key: signature by key "
                + archive.signerFingerprint()
                + " uses SHA512, which the Hash armor header does not list");
  }

  @Test
  void corruptChecksumFails() throws Exception {
    PublishedArchive archive = archive().publish();
    String text = new String(archive.inReleaseBytes(), StandardCharsets.UTF_8);
    String checksum = text.substring(text.lastIndexOf("\n=") + 1, text.lastIndexOf("\n-----END"));
    archive.replaceInInRelease(checksum + "\n", checksum.equals("=AAAA") ? "=BBBB\n" : "=AAAA\n");

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(NAME + ": invalid signature block");
  }

  @Test
  void otherSuiteFails() throws Exception {
    PublishedArchive archive = archive().publish();

    assertThatThrownBy(
            () ->
                new InReleaseVerifier(Clock.fixed(DATE, ZoneOffset.UTC))
                    .verify(archive.inReleaseBytes(), archive.keyring(), "bookworm", NAME))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME + ": expected suite bookworm but the file is for Suite stable, Codename trixie");
  }

  @Test
  void appendedDataFails() throws Exception {
    PublishedArchive archive = archive().publish();
    archive.appendToInRelease("Suite: bookworm\n");
    int lines = new String(archive.inReleaseBytes(), StandardCharsets.UTF_8).split("\n").length;

    assertThatThrownBy(() -> verify(archive))
        .isInstanceOf(TrustException.class)
        .hasMessage(NAME + ": contains unsigned data after the signature, at line " + lines);
  }

  @Test
  void dateAheadOfClockFails() throws Exception {
    PublishedArchive archive = archive().publish();
    Instant sixMinutesEarly = DATE.minus(Duration.ofMinutes(6));

    assertThatThrownBy(() -> verify(archive, archive.keyring(), sixMinutesEarly))
        .isInstanceOf(TrustException.class)
        .hasMessage(
            NAME
                + ": its Date Sun, 01 Mar 2026 10:00:00 UTC lies in the future"
                + " (now is Sun, 01 Mar 2026 09:54:00 UTC); check the system clock");
  }

  @Test
  void smallClockSkewPasses() throws Exception {
    PublishedArchive archive = archive().publish();
    Instant fourMinutesEarly = DATE.minus(Duration.ofMinutes(4));

    assertThat(verify(archive, archive.keyring(), fourMinutesEarly).release().date())
        .isEqualTo(DATE);
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
