package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and attests the image a {@link SignTarget} names, in cosign's tag layout and, when asked,
 * also as Sigstore bundle referrers.
 */
public final class ImageSigning {
  private ImageSigning() {}

  /**
   * One signed or attested manifest.
   *
   * @param digest the manifest's digest
   * @param attached the tag and manifest of the signature or attestation, and its bundle
   * @param referrer the bundle referrer's descriptor, when one was attached
   */
  public record Signed(
      String digest, CosignImages.Attached attached, Optional<BlobDescriptor> referrer) {}

  /**
   * Signs the target's manifest and, with {@code recursive}, every platform manifest of an index.
   *
   * @param reference the repository named in the payloads
   * @param withReferrers whether each signature is also attached as a bundle referrer
   * @return the target's own signature first
   */
  public static List<Signed> sign(
      SignTarget target,
      String reference,
      Map<String, String> annotations,
      SigningKey key,
      boolean recursive,
      boolean withReferrers)
      throws IOException, TemperException {
    List<BlobDescriptor> manifests = new ArrayList<>();
    manifests.add(target.manifest());
    if (recursive) {
      manifests.addAll(target.platformManifests());
    }
    List<Signed> signed = new ArrayList<>();
    for (BlobDescriptor manifest : manifests) {
      CosignImages.Attached attached =
          CosignImages.sign(target.store(), manifest.digest(), reference, annotations, key);
      Optional<BlobDescriptor> referrer =
          withReferrers
              ? Optional.of(BundleReferrers.attach(target.store(), manifest, attached.bundle(), ""))
              : Optional.empty();
      signed.add(new Signed(manifest.digest(), attached, referrer));
    }
    return List.copyOf(signed);
  }

  /**
   * Attests the target's manifest with a predicate wrapped in an in-toto statement.
   *
   * @param reference the subject name in the statement
   * @param withReferrer whether the attestation is also attached as a bundle referrer
   */
  public static Signed attest(
      SignTarget target,
      String reference,
      String predicateType,
      JsonNode predicate,
      SigningKey key,
      boolean withReferrer)
      throws IOException, TemperException {
    String digest = target.digest();
    InTotoStatement statement =
        new InTotoStatement(reference, Digests.hex(digest), predicateType, predicate);
    CosignImages.Attached attached = CosignImages.attest(target.store(), digest, statement, key);
    Optional<BlobDescriptor> referrer =
        withReferrer
            ? Optional.of(
                BundleReferrers.attach(
                    target.store(), target.manifest(), attached.bundle(), predicateType))
            : Optional.empty();
    return new Signed(digest, attached, referrer);
  }
}
