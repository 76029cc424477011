package dev.temper.debian.repository;

import dev.temper.debian.repository.Keyring.KeyMatch;
import dev.temper.error.TrustException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the signatures of a cleartext signed message against a keyring, the way apt judges the
 * output of gpgv. A bad signature by a known key rejects the message. Otherwise at least one
 * signature must be good, made with a strong digest, unexpired, and by a valid signing key.
 * Signatures by unknown, expired or revoked keys are ignored when another one is good.
 */
final class SignatureChecker {
  private static final Logger LOG = LoggerFactory.getLogger(SignatureChecker.class);
  private static final BcPGPContentVerifierBuilderProvider VERIFIERS =
      new BcPGPContentVerifierBuilderProvider();

  /** Digests that are not known to be broken; MD5, SHA-1 and RIPEMD-160 are rejected. */
  private static final Set<Integer> STRONG_DIGESTS =
      Set.of(
          HashAlgorithmTags.SHA224,
          HashAlgorithmTags.SHA256,
          HashAlgorithmTags.SHA384,
          HashAlgorithmTags.SHA512,
          HashAlgorithmTags.SHA3_256,
          HashAlgorithmTags.SHA3_512);

  private enum Status {
    GOOD,
    BAD,
    UNUSABLE
  }

  /** The verdict on one signature: the signer's fingerprint when good, else the reason. */
  private record Outcome(Status status, String text) {}

  private SignatureChecker() {}

  /**
   * Checks all signatures of the message.
   *
   * @return the fingerprints of the keys, primary keys or subkeys, whose signatures are good
   * @throws TrustException naming the file when a signature is bad or when no signature is good
   */
  static List<String> check(
      ClearsignedMessage message, Keyring keyring, Instant now, String displayName)
      throws TrustException {
    List<Outcome> outcomes = new ArrayList<>();
    for (PGPSignature signature : SignatureBlocks.read(message, displayName)) {
      outcomes.add(evaluate(signature, message, keyring, now));
    }
    Optional<Outcome> bad = outcomes.stream().filter(o -> o.status() == Status.BAD).findFirst();
    if (bad.isPresent()) {
      throw new TrustException(
          displayName + ": " + bad.get().text() + ", the file was modified or corrupted");
    }
    List<String> good = texts(outcomes, Status.GOOD);
    List<String> unusable = texts(outcomes, Status.UNUSABLE);
    if (good.isEmpty()) {
      throw new TrustException(
          displayName + ": no valid signature by a trusted key: " + String.join("; ", unusable));
    }
    unusable.forEach(reason -> LOG.debug("{}: ignoring {}", displayName, reason));
    return good;
  }

  private static Outcome evaluate(
      PGPSignature signature, ClearsignedMessage message, Keyring keyring, Instant now) {
    List<KeyMatch> keys = keyring.keysFor(signature);
    if (keys.isEmpty()) {
      return new Outcome(Status.UNUSABLE, "signature by unknown key " + issuerKeyId(signature));
    }
    String signer = "signature by key " + KeyNames.fingerprint(keys.get(0).key());
    Optional<String> formProblem = formProblem(signature, message);
    if (formProblem.isPresent()) {
      return new Outcome(Status.UNUSABLE, signer + " " + formProblem.get());
    }
    for (KeyMatch match : keys) {
      if (verifies(signature, match, message.signedText())) {
        return judgeGood(signature, match, now);
      }
    }
    return new Outcome(Status.BAD, "bad " + signer);
  }

  /** Checks what can be seen without the key: the signature type and the digest algorithm. */
  private static Optional<String> formProblem(PGPSignature signature, ClearsignedMessage message) {
    int type = signature.getSignatureType();
    if (type != PGPSignature.CANONICAL_TEXT_DOCUMENT && type != PGPSignature.BINARY_DOCUMENT) {
      return Optional.of("has type " + type + ", which does not sign a document");
    }
    String digest = KeyNames.hashName(signature.getHashAlgorithm());
    if (!STRONG_DIGESTS.contains(signature.getHashAlgorithm())) {
      return Optional.of("uses the weak digest algorithm " + digest);
    }
    if (!message.hashAlgorithms().isEmpty() && !message.hashAlgorithms().contains(digest)) {
      return Optional.of("uses " + digest + ", which the Hash armor header does not list");
    }
    return Optional.empty();
  }

  private static Outcome judgeGood(PGPSignature signature, KeyMatch match, Instant now) {
    String fingerprint = KeyNames.fingerprint(match.key());
    PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
    // Version 3 signatures have no subpackets and so never expire.
    long lifetime = hashed == null ? 0 : hashed.getSignatureExpirationTime();
    Instant expires = signature.getCreationTime().toInstant().plusSeconds(lifetime);
    if (lifetime != 0 && !now.isBefore(expires)) {
      return new Outcome(
          Status.UNUSABLE, "signature by key " + fingerprint + " expired on " + expires);
    }
    Optional<String> keyProblem = KeyValidity.problem(match.ring(), match.key(), now);
    if (keyProblem.isPresent()) {
      return new Outcome(Status.UNUSABLE, "signature by " + keyProblem.get());
    }
    return new Outcome(Status.GOOD, fingerprint);
  }

  private static boolean verifies(PGPSignature signature, KeyMatch match, byte[] signedText) {
    try {
      signature.init(VERIFIERS, match.key());
      signature.update(signedText);
      return signature.verify();
    } catch (PGPException | RuntimeException e) {
      // A key whose algorithm cannot check this signature has not made it.
      LOG.debug("Cannot check a signature with key {}", KeyNames.fingerprint(match.key()), e);
      return false;
    }
  }

  private static String issuerKeyId(PGPSignature signature) {
    return signature.getKeyIdentifiers().stream()
        .filter(id -> !id.isWildcard())
        .map(KeyIdentifier::getKeyId)
        .map(KeyNames::keyId)
        .findFirst()
        .orElse("(no issuer given)");
  }

  private static List<String> texts(List<Outcome> outcomes, Status status) {
    return outcomes.stream()
        .filter(o -> o.status() == status)
        .map(Outcome::text)
        .collect(Collectors.toList());
  }
}
