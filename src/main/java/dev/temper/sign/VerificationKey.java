package dev.temper.sign;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/** An ECDSA P-256 public key that checks SHA-256 signatures. */
public record VerificationKey(ECPublicKey publicKey) {
  private static final int RAW_SIGNATURE_BYTES = 64;

  /**
   * Checks {@code signature} over {@code data}. Accepts the DER encoding that cosign writes and the
   * raw {@code r || s} form (64 bytes) that some signers emit. Anything else fails.
   */
  public boolean verifies(byte[] data, byte[] signature) {
    if (verifiesWith("SHA256withECDSA", data, signature)) {
      return true;
    }
    return signature.length == RAW_SIGNATURE_BYTES
        && verifiesWith("SHA256withECDSAinP1363Format", data, signature);
  }

  private boolean verifiesWith(String algorithm, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      // Bytes that are not a signature in this encoding are a failed signature, not an error.
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK verifies EC P-256 signatures", e);
    }
  }

  /** Returns the DER SubjectPublicKeyInfo bytes. */
  public byte[] spki() {
    return publicKey.getEncoded();
  }

  /**
   * Returns the key hint that cosign writes into bundles: the standard base64 of the SHA-256 of the
   * DER SubjectPublicKeyInfo.
   */
  public String hint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(spki());
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK provides SHA-256", e);
    }
  }

  /** Returns the {@code PUBLIC KEY} PEM text that {@code cosign.pub} contains. */
  public String pem() {
    return new Pem("PUBLIC KEY", spki()).encode();
  }
}
