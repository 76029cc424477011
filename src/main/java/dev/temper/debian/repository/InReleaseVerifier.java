package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TrustException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies an InRelease file the way apt does before it trusts an archive. The whole file must be
 * one OpenPGP cleartext signed message with a good signature by a key of the keyring. The signed
 * Release must be neither expired, dated in the future, nor for another suite. This class works on
 * bytes and does no networking.
 */
public final class InReleaseVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(InReleaseVerifier.class);

  /** How far the {@code Date} field may lie ahead of the clock, to allow for clock skew. */
  static final Duration MAX_FUTURE_DATE = Duration.ofMinutes(5);

  private final Clock clock;

  /**
   * Creates a verifier.
   *
   * @param clock the source of the current time, which decides whether keys, signatures and the
   *     Release itself have expired
   */
  public InReleaseVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies an InRelease file and parses its signed text.
   *
   * @param inRelease the complete file content
   * @param keyring the keys trusted to sign this archive
   * @param expectedSuite the suite that was requested, which the {@code Suite} or the {@code
   *     Codename} field must equal
   * @param displayName names the file in error messages, such as {@code bookworm InRelease}
   * @throws TrustException naming the file when it is not a cleartext signed message or has data
   *     outside the signed part. Also when a signature is bad, or no signature is good and made by
   *     a valid key of the keyring, or the Release is expired, dated in the future or for another
   *     suite.
   * @throws InvalidInputException naming the file when the signed text is not a valid Release
   */
  public VerifiedRelease verify(
      byte[] inRelease, Keyring keyring, String expectedSuite, String displayName)
      throws InvalidInputException {
    Instant now = clock.instant();
    ClearsignedMessage message = ClearsignedMessage.parse(inRelease, displayName);
    List<String> signers = SignatureChecker.check(message, keyring, now, displayName);
    ReleaseFile release = ReleaseFile.parse(signedText(message, displayName), displayName);
    checkSuite(release, expectedSuite, displayName);
    checkDates(release, now, displayName);
    LOG.debug("{}: signed by {}", displayName, signers);
    return new VerifiedRelease(release, signers, sha256(inRelease));
  }

  private static void checkSuite(ReleaseFile release, String expectedSuite, String displayName)
      throws TrustException {
    if (!release.hasSuiteOrCodename(expectedSuite)) {
      throw new TrustException(
          displayName
              + ": expected suite "
              + expectedSuite
              + " but the file is for Suite "
              + release.suite()
              + ", Codename "
              + release.codename());
    }
  }

  private static void checkDates(ReleaseFile release, Instant now, String displayName)
      throws TrustException {
    Optional<Instant> validUntil = release.validUntil();
    if (validUntil.isPresent() && !now.isBefore(validUntil.get())) {
      throw new TrustException(
          displayName
              + ": expired, its Valid-Until date "
              + ReleaseDates.format(validUntil.get())
              + " has passed; the mirror serves outdated metadata");
    }
    if (release.date().isAfter(now.plus(MAX_FUTURE_DATE))) {
      throw new TrustException(
          displayName
              + ": its Date "
              + ReleaseDates.format(release.date())
              + " lies in the future (now is "
              + ReleaseDates.format(now)
              + "); check the system clock");
    }
  }

  /** Decodes the signed text as UTF-8 with LF line ends, which is how Release files are read. */
  private static String signedText(ClearsignedMessage message, String displayName)
      throws InvalidInputException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(message.signedText()))
              .toString();
      return text.replace("\r\n", "\n");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(displayName + ": the signed text is not valid UTF-8", e);
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
