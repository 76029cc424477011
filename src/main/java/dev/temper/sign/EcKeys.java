package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Decoding of ECDSA P-256 keys from their DER forms (PKCS#8, SEC1 and SubjectPublicKeyInfo). The
 * public key is always recomputed from the private scalar, so a file cannot pair a private key with
 * someone else's public key.
 */
final class EcKeys {
  private static final ASN1ObjectIdentifier P256 = SECObjectIdentifiers.secp256r1;

  private EcKeys() {}

  /** Decodes a PKCS#8 {@code PrivateKeyInfo} holding an EC P-256 key. */
  static SigningKey fromPkcs8(byte[] der, String source) throws InvalidInputException {
    PrivateKeyInfo info;
    org.bouncycastle.asn1.sec.ECPrivateKey sec1;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (!X9ObjectIdentifiers.id_ecPublicKey.equals(
          info.getPrivateKeyAlgorithm().getAlgorithm())) {
        throw new InvalidInputException(
            source
                + ": private key algorithm "
                + info.getPrivateKeyAlgorithm().getAlgorithm()
                + " is not supported; only ECDSA P-256 keys are");
      }
      sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidInputException(source + ": invalid PKCS#8 private key", e);
    }
    var parameters = info.getPrivateKeyAlgorithm().getParameters();
    requireP256(parameters == null ? null : parameters.toASN1Primitive(), source);
    return fromScalar(sec1, source);
  }

  /** Decodes a SEC1 {@code ECPrivateKey} (PEM label {@code EC PRIVATE KEY}). */
  static SigningKey fromSec1(byte[] der, String source) throws InvalidInputException {
    org.bouncycastle.asn1.sec.ECPrivateKey sec1;
    try {
      sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidInputException(source + ": invalid EC private key", e);
    }
    if (sec1.getParametersObject() == null) {
      throw new InvalidInputException(source + ": EC private key does not name its curve");
    }
    requireP256(sec1.getParametersObject().toASN1Primitive(), source);
    return fromScalar(sec1, source);
  }

  /** Decodes a DER SubjectPublicKeyInfo holding an EC P-256 point. */
  static ECPublicKey publicFromSpki(byte[] der, String source) throws InvalidInputException {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidInputException(source + ": invalid public key", e);
    }
    AlgorithmIdentifier algorithm = info.getAlgorithm();
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
      throw new InvalidInputException(
          source
              + ": public key algorithm "
              + algorithm.getAlgorithm()
              + " is not supported; only ECDSA P-256 keys are");
    }
    requireP256(
        algorithm.getParameters() == null ? null : algorithm.getParameters().toASN1Primitive(),
        source);
    try {
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(source + ": invalid EC public key: " + e.getMessage(), e);
    }
  }

  /**
   * Encodes the private key as PKCS#8 with the public point inside, the 138-byte form Go's {@code
   * x509.MarshalPKCS8PrivateKey} writes for P-256 (the JDK's own encoding leaves the point out).
   */
  static byte[] pkcs8(SigningKey key) {
    X9ECParameters curve = ECNamedCurveTable.getByOID(P256);
    java.security.spec.ECPoint w = key.publicKey().getW();
    byte[] point = curve.getCurve().createPoint(w.getAffineX(), w.getAffineY()).getEncoded(false);
    AlgorithmIdentifier algorithm =
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, P256);
    try {
      return new PrivateKeyInfo(
              algorithm,
              new org.bouncycastle.asn1.sec.ECPrivateKey(
                  256, key.privateKey().getS(), new DERBitString(point), null))
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory does not fail", e);
    }
  }

  private static void requireP256(ASN1Primitive parameters, String source)
      throws InvalidInputException {
    if (!(parameters instanceof ASN1ObjectIdentifier curve) || !P256.equals(curve)) {
      throw new InvalidInputException(
          source + ": EC curve " + parameters + " is not supported; only P-256 keys are");
    }
  }

  private static SigningKey fromScalar(org.bouncycastle.asn1.sec.ECPrivateKey sec1, String source)
      throws InvalidInputException {
    X9ECParameters curve = ECNamedCurveTable.getByOID(P256);
    BigInteger d = sec1.getKey();
    if (d.signum() <= 0 || d.compareTo(curve.getN()) >= 0) {
      throw new InvalidInputException(source + ": EC private scalar is out of range");
    }
    byte[] point = curve.getG().multiply(d).normalize().getEncoded(false);
    org.bouncycastle.asn1.ASN1BitString embedded = sec1.getPublicKey();
    if (embedded != null && !Arrays.equals(embedded.getOctets(), point)) {
      throw new InvalidInputException(
          source + ": the public key stored with the private key does not belong to it");
    }
    AlgorithmIdentifier algorithm =
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, P256);
    try {
      byte[] spki = new SubjectPublicKeyInfo(algorithm, point).getEncoded();
      PrivateKeyInfo pkcs8 =
          new PrivateKeyInfo(
              algorithm,
              new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new DERBitString(point), null));
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPrivateKey privateKey =
          (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8.getEncoded()));
      ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(spki));
      return new SigningKey(privateKey, publicKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidInputException(source + ": cannot load EC key: " + e.getMessage(), e);
    }
  }
}
