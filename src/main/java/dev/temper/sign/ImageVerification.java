package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.registry.RegistryException;
import dev.temper.sign.VerificationReport.Claim;
import dev.temper.sign.VerificationReport.Failure;
import dev.temper.sign.VerificationReport.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies every signature or attestation that a store holds for one image, found through both
 * schemes: the layers of cosign's {@code sha256-<hex>.sig} or {@code .att} manifest, and the
 * Sigstore bundles attached as OCI 1.1 referrers. A candidate that cannot be read, such as a tag
 * pointing at something that is not a signature manifest, becomes a failure with its reason.
 */
public final class ImageVerification {
  private final List<Claim> verified = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();

  private ImageVerification() {}

  /** Verifies the image's signatures with {@code key}. */
  public static VerificationReport signatures(
      ArtifactStore store, String imageDigest, VerificationKey key)
      throws IOException, TemperException {
    ImageVerification verification = new ImageVerification();
    String tag = CosignManifests.tag(imageDigest, "sig");
    try {
      List<SignatureLayer> layers = CosignImages.signatures(store, imageDigest);
      verification.add(SignatureVerifier.verifySignatures(layers, key, imageDigest));
    } catch (InvalidInputException | RegistryException e) {
      verification.unreadable(tag, e);
    }
    for (BundleReferrers.Candidate candidate : verification.bundles(store, imageDigest)) {
      SigstoreBundle bundle = candidate.bundle().get();
      if (bundle.envelope().isEmpty()) {
        Optional<byte[]> payload = payload(store, bundle);
        verification.add(
            SignatureVerifier.verifyBundle(
                candidate.name(), bundle, payload, key, imageDigest, Optional.empty()));
      }
    }
    return verification.report();
  }

  /**
   * Verifies the image's attestations with {@code key}.
   *
   * @param predicateType when present, attestations of other predicate types are rejected
   */
  public static VerificationReport attestations(
      ArtifactStore store, String imageDigest, VerificationKey key, Optional<String> predicateType)
      throws IOException, TemperException {
    ImageVerification verification = new ImageVerification();
    String tag = CosignManifests.tag(imageDigest, "att");
    try {
      List<SignatureLayer> layers = CosignImages.attestations(store, imageDigest);
      verification.add(
          SignatureVerifier.verifyAttestations(layers, key, imageDigest, predicateType));
    } catch (InvalidInputException | RegistryException e) {
      verification.unreadable(tag, e);
    }
    for (BundleReferrers.Candidate candidate : verification.bundles(store, imageDigest)) {
      SigstoreBundle bundle = candidate.bundle().get();
      if (bundle.envelope().isPresent()) {
        verification.add(
            SignatureVerifier.verifyBundle(
                candidate.name(), bundle, Optional.empty(), key, imageDigest, predicateType));
      }
    }
    return verification.report();
  }

  /**
   * Returns the readable bundle referrers and records a failure for each unreadable one. A referrer
   * list that cannot be read at all is one failure.
   */
  private List<BundleReferrers.Candidate> bundles(ArtifactStore store, String imageDigest)
      throws IOException, TemperException {
    List<BundleReferrers.Candidate> candidates;
    try {
      candidates = BundleReferrers.find(store, imageDigest);
    } catch (InvalidInputException | RegistryException e) {
      unreadable("referrers of " + imageDigest, e);
      return List.of();
    }
    List<BundleReferrers.Candidate> readable = new ArrayList<>();
    for (BundleReferrers.Candidate candidate : candidates) {
      if (candidate.bundle().isPresent()) {
        readable.add(candidate);
      } else {
        failures.add(new Failure(candidate.name(), Reason.MALFORMED, candidate.error()));
      }
    }
    return readable;
  }

  /** Looks up a message bundle's payload; a payload that cannot be read counts as missing. */
  private static Optional<byte[]> payload(ArtifactStore store, SigstoreBundle bundle)
      throws IOException, TemperException {
    try {
      return CosignImages.bundlePayload(store, bundle);
    } catch (InvalidInputException e) {
      return Optional.empty();
    } catch (RegistryException e) {
      if (!CandidateErrors.isContentFailure(e)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private void unreadable(String name, TemperException e) throws RegistryException {
    if (e instanceof RegistryException registry && !CandidateErrors.isContentFailure(registry)) {
      throw registry;
    }
    failures.add(new Failure(name, Reason.MALFORMED, e.getMessage()));
  }

  private void add(VerificationReport report) {
    verified.addAll(report.verified());
    failures.addAll(report.failures());
  }

  private VerificationReport report() {
    return new VerificationReport(verified, failures);
  }
}
