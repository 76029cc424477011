package dev.temper.debian.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Decides whether a key of a trusted keyring may vouch for a signature at a given time, as gpg
 * does. Neither the primary key nor the subkey may be revoked or expired. A subkey must be bound to
 * the primary key in both directions, and the key must be allowed to sign data. Only
 * self-signatures count, so a revocation issued by a designated revoker is not seen.
 */
final class KeyValidity {
  private static final BcPGPContentVerifierBuilderProvider VERIFIERS =
      new BcPGPContentVerifierBuilderProvider();

  private KeyValidity() {}

  /** Returns why the key may not vouch for a signature at {@code now}, or empty when it may. */
  static Optional<String> problem(PGPPublicKeyRing ring, PGPPublicKey key, Instant now) {
    PGPPublicKey primary = ring.getPublicKey();
    String primaryName = "key " + KeyNames.fingerprint(primary);
    if (hasValidRevocation(primary, primary, PGPSignature.KEY_REVOCATION)) {
      return Optional.of(primaryName + " is revoked");
    }
    PGPSignature selfSignature = latestSelfSignature(primary);
    if (selfSignature == null) {
      return Optional.of(primaryName + " has no valid self-signature");
    }
    Optional<String> expired = expiry(primaryName, primary, selfSignature, now);
    if (expired.isPresent() || key == primary) {
      return expired.or(() -> signingProblem(primaryName, selfSignature));
    }
    String subkeyName = "subkey " + KeyNames.fingerprint(key) + " of " + primaryName;
    PGPSignature binding = latestValidBinding(primary, key);
    if (binding == null) {
      return Optional.of(subkeyName + " has no valid binding signature");
    }
    if (hasValidRevocation(primary, key, PGPSignature.SUBKEY_REVOCATION)) {
      return Optional.of(subkeyName + " is revoked");
    }
    return expiry(subkeyName, key, binding, now).or(() -> signingProblem(subkeyName, binding));
  }

  private static Optional<String> expiry(
      String name, PGPPublicKey key, PGPSignature selfSignature, Instant now) {
    long validSeconds = selfSignature.getHashedSubPackets().getKeyExpirationTime();
    if (validSeconds == 0) {
      return Optional.empty();
    }
    Instant expires = key.getCreationTime().toInstant().plusSeconds(validSeconds);
    if (now.isBefore(expires)) {
      return Optional.empty();
    }
    return Optional.of(name + " expired on " + expires);
  }

  private static Optional<String> signingProblem(String name, PGPSignature selfSignature) {
    PGPSignatureSubpacketVector hashed = selfSignature.getHashedSubPackets();
    if (!hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
      return Optional.empty();
    }
    if ((hashed.getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
      return Optional.of(name + " is not allowed to sign data");
    }
    return Optional.empty();
  }

  /** Returns the newest valid self-signature over a user ID or the key itself, or null. */
  private static PGPSignature latestSelfSignature(PGPPublicKey primary) {
    List<PGPSignature> candidates = new ArrayList<>();
    for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
      String userId = ids.next();
      for (Iterator<PGPSignature> it = primary.getSignaturesForID(userId); it.hasNext(); ) {
        PGPSignature signature = it.next();
        if (signature.isCertification()
            && isBy(signature, primary)
            && verifies(signature, primary, s -> s.verifyCertification(userId, primary))) {
          candidates.add(signature);
        }
      }
    }
    for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
        it.hasNext(); ) {
      PGPSignature signature = it.next();
      if (isBy(signature, primary)
          && verifies(signature, primary, s -> s.verifyCertification(primary))) {
        candidates.add(signature);
      }
    }
    return newest(candidates);
  }

  /** Returns the newest subkey binding signature that is valid and cross-certified, or null. */
  private static PGPSignature latestValidBinding(PGPPublicKey primary, PGPPublicKey subkey) {
    List<PGPSignature> candidates = new ArrayList<>();
    for (Iterator<PGPSignature> it = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        it.hasNext(); ) {
      PGPSignature binding = it.next();
      if (isBy(binding, primary)
          && verifies(binding, primary, s -> s.verifyCertification(primary, subkey))
          && isCrossCertified(binding, primary, subkey)) {
        candidates.add(binding);
      }
    }
    return newest(candidates);
  }

  /**
   * Checks the primary key binding signature that a signing subkey embeds in its binding signature,
   * which proves that the subkey's owner agreed to the binding. gpg puts it in the unhashed area,
   * which is safe because it is a signature itself.
   */
  private static boolean isCrossCertified(
      PGPSignature binding, PGPPublicKey primary, PGPPublicKey subkey) {
    if ((binding.getHashedSubPackets().getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
      return true;
    }
    List<PGPSignature> embedded = new ArrayList<>();
    try {
      binding.getHashedSubPackets().getEmbeddedSignatures().forEach(embedded::add);
      PGPSignatureSubpacketVector unhashed = binding.getUnhashedSubPackets();
      if (unhashed != null) {
        unhashed.getEmbeddedSignatures().forEach(embedded::add);
      }
    } catch (PGPException e) {
      return false;
    }
    for (PGPSignature back : embedded) {
      if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING
          && verifies(back, subkey, s -> s.verifyCertification(primary, subkey))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasValidRevocation(PGPPublicKey primary, PGPPublicKey key, int type) {
    for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
      PGPSignature revocation = it.next();
      if (!isBy(revocation, primary)) {
        continue;
      }
      boolean valid =
          type == PGPSignature.KEY_REVOCATION
              ? verifies(revocation, primary, s -> s.verifyCertification(primary))
              : verifies(revocation, primary, s -> s.verifyCertification(primary, key));
      if (valid) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBy(PGPSignature signature, PGPPublicKey key) {
    return signature.getHashedSubPackets() != null && Keyring.names(signature, key);
  }

  private interface Check {
    boolean run(PGPSignature signature) throws PGPException;
  }

  private static boolean verifies(PGPSignature signature, PGPPublicKey signer, Check check) {
    try {
      signature.init(VERIFIERS, signer);
      return check.run(signature);
    } catch (PGPException | RuntimeException e) {
      // A self-signature that cannot be checked does not count, as in gpg.
      return false;
    }
  }

  private static PGPSignature newest(List<PGPSignature> signatures) {
    PGPSignature newest = null;
    for (PGPSignature signature : signatures) {
      if (newest == null || signature.getCreationTime().after(newest.getCreationTime())) {
        newest = signature;
      }
    }
    return newest;
  }
}
