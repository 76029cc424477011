package dev.temper.sign;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/** An ECDSA P-256 key pair that signs with SHA-256, as cosign's default keys do. */
public record SigningKey(ECPrivateKey privateKey, ECPublicKey publicKey) {

  /** Generates a new P-256 key pair. */
  public static SigningKey generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      var pair = generator.generateKeyPair();
      return new SigningKey((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides EC P-256", e);
    }
  }

  /** Signs {@code data} with ECDSA over its SHA-256 digest; returns the DER-encoded signature. */
  public byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with an EC P-256 key failed", e);
    }
  }

  /** Returns the public half as a verification key. */
  public VerificationKey verificationKey() {
    return new VerificationKey(publicKey);
  }

  @Override
  public String toString() {
    return "SigningKey[" + verificationKey().hint() + "]";
  }
}
