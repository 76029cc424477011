package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import dev.temper.sign.VerificationReport.Claim;
import dev.temper.sign.VerificationReport.Failure;
import dev.temper.sign.VerificationReport.Reason;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies cosign signatures and attestations of one image with one public key. Each candidate is
 * checked on its own: the signature first, and only then what the signed payload claims, so no
 * claim is read from bytes the key did not sign. Certificates are never used for trust.
 */
public final class SignatureVerifier {
  private final VerificationKey key;
  private final String imageDigest;
  private final List<Claim> verified = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();

  private SignatureVerifier(VerificationKey key, String imageDigest) {
    this.key = key;
    this.imageDigest = imageDigest;
  }

  /** Verifies the layers of a {@code .sig} manifest as simple-signing signatures. */
  public static VerificationReport verifySignatures(
      List<SignatureLayer> layers, VerificationKey key, String imageDigest) {
    SignatureVerifier verifier = new SignatureVerifier(key, imageDigest);
    layers.forEach(verifier::checkSignatureLayer);
    return verifier.report();
  }

  /**
   * Verifies the layers of an {@code .att} manifest as DSSE attestations.
   *
   * @param predicateType when present, attestations of other predicate types are rejected
   */
  public static VerificationReport verifyAttestations(
      List<SignatureLayer> layers,
      VerificationKey key,
      String imageDigest,
      Optional<String> predicateType) {
    SignatureVerifier verifier = new SignatureVerifier(key, imageDigest);
    for (SignatureLayer layer : layers) {
      verifier.checkAttestationLayer(layer, predicateType);
    }
    return verifier.report();
  }

  /**
   * Verifies a Sigstore bundle. A {@code messageSignature} bundle signs a simple-signing payload,
   * which the caller looks up by the bundle's digest. A {@code dsseEnvelope} bundle carries an
   * attestation.
   *
   * @param payload the bytes whose SHA-256 the bundle's messageDigest names, when found
   */
  public static VerificationReport verifyBundle(
      String name,
      SigstoreBundle bundle,
      Optional<byte[]> payload,
      VerificationKey key,
      String imageDigest,
      Optional<String> predicateType) {
    SignatureVerifier verifier = new SignatureVerifier(key, imageDigest);
    verifier.checkBundle(name, bundle, payload, predicateType);
    return verifier.report();
  }

  private VerificationReport report() {
    return new VerificationReport(verified, failures);
  }

  private void checkSignatureLayer(SignatureLayer layer) {
    if (!layer.descriptor().mediaType().equals(SimpleSigning.MEDIA_TYPE)) {
      fail(
          layer.name(),
          Reason.MALFORMED,
          "layer media type "
              + layer.descriptor().mediaType()
              + " is not "
              + SimpleSigning.MEDIA_TYPE);
      return;
    }
    if (layer.content().isEmpty()) {
      fail(layer.name(), Reason.MISSING_CONTENT, layer.loadError());
      return;
    }
    String encoded = layer.descriptor().annotations().get(CosignManifests.SIGNATURE_ANNOTATION);
    if (encoded == null || encoded.isEmpty()) {
      fail(layer.name(), Reason.MALFORMED, "layer has no " + CosignManifests.SIGNATURE_ANNOTATION);
      return;
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      fail(layer.name(), Reason.MALFORMED, "signature annotation is not valid base64");
      return;
    }
    checkSimpleSigning(layer.name(), layer.content().get(), signature, "");
  }

  /**
   * Checks a simple-signing signature and payload.
   *
   * @param hint the key hint that came with the signature, empty when none
   */
  private void checkSimpleSigning(String name, byte[] payload, byte[] signature, String hint) {
    if (!key.verifies(payload, signature)) {
      signatureFailed(name, hint, "signature does not verify with the given key");
      return;
    }
    SimpleSigning claim;
    try {
      claim = SimpleSigning.parse(payload);
    } catch (InvalidInputException e) {
      fail(name, Reason.MALFORMED, e.getMessage());
      return;
    }
    if (!claim.type().equals(SimpleSigning.TYPE)) {
      fail(
          name,
          Reason.WRONG_TYPE,
          "critical.type is '" + claim.type() + "', expected '" + SimpleSigning.TYPE + "'");
      return;
    }
    if (!claim.manifestDigest().equals(imageDigest)) {
      fail(
          name,
          Reason.OTHER_IMAGE,
          "the payload signs " + claim.manifestDigest() + ", not " + imageDigest);
      return;
    }
    verified.add(
        new Claim(name, imageDigest, claim.dockerReference(), "", claim.annotations(), payload));
  }

  private void checkAttestationLayer(SignatureLayer layer, Optional<String> predicateType) {
    if (!layer.descriptor().mediaType().equals(Dsse.MEDIA_TYPE)) {
      fail(
          layer.name(),
          Reason.MALFORMED,
          "layer media type " + layer.descriptor().mediaType() + " is not " + Dsse.MEDIA_TYPE);
      return;
    }
    if (layer.content().isEmpty()) {
      fail(layer.name(), Reason.MISSING_CONTENT, layer.loadError());
      return;
    }
    Dsse envelope;
    try {
      envelope = Dsse.parse(layer.content().get());
    } catch (InvalidInputException e) {
      fail(layer.name(), Reason.MALFORMED, e.getMessage());
      return;
    }
    String keyid =
        envelope.signatures().stream()
            .map(Dsse.Signature::keyid)
            .filter(k -> !k.isEmpty())
            .findFirst()
            .orElse("");
    checkEnvelope(layer.name(), envelope, predicateType, keyid);
  }

  private void checkEnvelope(
      String name, Dsse envelope, Optional<String> predicateType, String hint) {
    if (!envelope.verifiedBy(key)) {
      signatureFailed(name, hint, "DSSE signature does not verify with the given key");
      return;
    }
    if (!envelope.payloadType().equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
      fail(
          name,
          Reason.NOT_IN_TOTO,
          "DSSE payload type is '"
              + envelope.payloadType()
              + "', expected '"
              + Dsse.IN_TOTO_PAYLOAD_TYPE
              + "'");
      return;
    }
    InTotoStatement statement;
    try {
      statement = InTotoStatement.parse(envelope.payload());
      if (!InTotoStatement.namesSubject(envelope.payload(), Digests.hex(imageDigest))) {
        fail(name, Reason.OTHER_IMAGE, "the statement's subjects do not include " + imageDigest);
        return;
      }
    } catch (InvalidInputException e) {
      fail(name, Reason.MALFORMED, e.getMessage());
      return;
    }
    if (predicateType.isPresent() && !predicateType.get().equals(statement.predicateType())) {
      fail(
          name,
          Reason.OTHER_PREDICATE_TYPE,
          "predicate type is " + statement.predicateType() + ", expected " + predicateType.get());
      return;
    }
    verified.add(
        new Claim(
            name,
            imageDigest,
            statement.subjectName(),
            statement.predicateType(),
            Map.of(),
            envelope.payload()));
  }

  private void checkBundle(
      String name, SigstoreBundle bundle, Optional<byte[]> payload, Optional<String> type) {
    if (bundle.hasCertificate()) {
      fail(
          name,
          Reason.KEYLESS,
          "keyless (the bundle names its signer by a certificate; temper"
              + " verifies only with the given public key and never trusts a certificate's key)");
      return;
    }
    String hint = bundle.publicKeyHint();
    if (bundle.envelope().isPresent()) {
      checkEnvelope(name, bundle.envelope().get(), type, hint);
      return;
    }
    if (payload.isEmpty()) {
      fail(name, Reason.MISSING_CONTENT, "no payload with the bundle's messageDigest was found");
      return;
    }
    if (!MessageDigest.isEqual(Digests.sha256(payload.get()), bundle.messageDigestSha256())) {
      fail(name, Reason.MALFORMED, "the payload does not match the bundle's messageDigest");
      return;
    }
    checkSimpleSigning(name, payload.get(), bundle.messageSignature(), hint);
  }

  /**
   * Records a signature that did not verify. Hints are not signed and their format differs between
   * tools, so a hint only explains a failure and never causes one.
   */
  private void signatureFailed(String name, String hint, String what) {
    if (!hint.isEmpty() && !hint.equals(key.hint())) {
      fail(
          name,
          Reason.WRONG_KEY,
          what
              + ": it names another key (hint "
              + hint
              + ", the given key's hint is "
              + key.hint()
              + ")");
    } else {
      fail(
          name,
          Reason.BAD_SIGNATURE,
          what + " (another key made it, or the signed content was altered)");
    }
  }

  private void fail(String name, Reason reason, String detail) {
    failures.add(new Failure(name, reason, detail));
  }
}
