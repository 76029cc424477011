package dev.temper.build;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Writes a Java trust store in PKCS#12 with one trusted-certificate entry per certificate, as
 * {@code keytool -importcert} makes them. The certificates are stored unencrypted, as trust anchors
 * are public, and the file carries a SHA-256 integrity MAC under the password {@code changeit}, the
 * JDK's default for {@code cacerts}. The MAC salt derives from the content, so the same
 * certificates always give the same bytes; the JDK's own writer would pick a random salt.
 */
final class TrustStoreWriter {
  /** The password of Debian's and the JDK's {@code cacerts}. */
  static final char[] PASSWORD = "changeit".toCharArray();

  // The JDK marks trusted-certificate entries with this attribute, whose value lists the extended
  // key usages the certificate is trusted for; anyExtendedKeyUsage trusts it for all.
  private static final ASN1ObjectIdentifier ORACLE_TRUSTED_KEY_USAGE =
      new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");
  private static final ASN1ObjectIdentifier ANY_EXTENDED_KEY_USAGE =
      Extension.extendedKeyUsage.branch("0");
  private static final int MAC_ITERATIONS = 10000;

  private TrustStoreWriter() {}

  /**
   * Returns the trust store bytes.
   *
   * @param certificates the entries by alias, in the order they are written
   */
  static byte[] write(Map<String, X509Certificate> certificates) throws IOException {
    ASN1EncodableVector bags = new ASN1EncodableVector();
    for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
      bags.add(certificateBag(entry.getKey(), entry.getValue()));
    }
    byte[] safeContents = new DLSequence(bags).getEncoded(ASN1Encoding.DER);
    ContentInfo data =
        new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(safeContents));
    byte[] authenticatedSafe =
        new AuthenticatedSafe(new ContentInfo[] {data}).getEncoded(ASN1Encoding.DER);
    MacData mac = mac(authenticatedSafe);
    ContentInfo outer =
        new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(authenticatedSafe));
    return new Pfx(outer, mac).getEncoded(ASN1Encoding.DER);
  }

  private static SafeBag certificateBag(String alias, X509Certificate certificate)
      throws IOException {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IOException("cannot encode certificate " + alias, e);
    }
    CertBag bag = new CertBag(PKCSObjectIdentifiers.x509Certificate, new DEROctetString(der));
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    attributes.add(
        new Attribute(
            PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERSet(new DERBMPString(alias))));
    attributes.add(
        new Attribute(
            ORACLE_TRUSTED_KEY_USAGE, new DERSet((ASN1Encodable) ANY_EXTENDED_KEY_USAGE)));
    return new SafeBag(PKCSObjectIdentifiers.certBag, bag, new DERSet(attributes));
  }

  private static MacData mac(byte[] authenticatedSafe) {
    byte[] salt = Arrays.copyOf(sha256(authenticatedSafe), 20);
    PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA256Digest());
    generator.init(PBEParametersGenerator.PKCS12PasswordToBytes(PASSWORD), salt, MAC_ITERATIONS);
    KeyParameter key = (KeyParameter) generator.generateDerivedMacParameters(256);
    HMac hmac = new HMac(new SHA256Digest());
    hmac.init(key);
    hmac.update(authenticatedSafe, 0, authenticatedSafe.length);
    byte[] result = new byte[hmac.getMacSize()];
    hmac.doFinal(result, 0);
    DigestInfo digest =
        new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), result);
    return new MacData(digest, salt, MAC_ITERATIONS);
  }

  private static byte[] sha256(byte[] bytes) {
    MessageDigest digest = dev.temper.oci.Digest.sha256Hasher();
    return digest.digest(bytes);
  }
}
