package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sigstore bundles attached to an image as OCI 1.1 referrers, as cosign's bundle format stores
 * them: an image manifest with the bundle media type as {@code artifactType}, the empty config, the
 * bundle as its one layer and the signed image as {@code subject}.
 */
public final class BundleReferrers {
  /** The annotation that names what the bundle contains. */
  static final String CONTENT_ANNOTATION = "dev.sigstore.bundle.content";

  /** The annotation that names the bundle's predicate type. */
  static final String PREDICATE_TYPE_ANNOTATION = "dev.sigstore.bundle.predicateType";

  /** The predicate type cosign records for an image signature bundle. */
  static final String SIGNATURE_PREDICATE_TYPE = "https://sigstore.dev/cosign/sign/v1";

  private static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.US_ASCII);

  private BundleReferrers() {}

  /**
   * One bundle referrer of an image, or why it could not be read.
   *
   * @param name how reports name the candidate, such as {@code referrer sha256:abc}
   * @param bundle the parsed bundle, empty when it could not be read
   * @param error why the bundle is missing, empty when it is present
   */
  public record Candidate(String name, Optional<SigstoreBundle> bundle, String error) {}

  /**
   * Stores {@code bundle} as a referrer of {@code subject}.
   *
   * @param subject the descriptor of the signed image manifest or index
   * @param predicateType the attestation's predicate type, empty for an image signature
   * @return the referrer manifest's descriptor
   */
  public static BlobDescriptor attach(
      ArtifactStore store, BlobDescriptor subject, SigstoreBundle bundle, String predicateType)
      throws IOException, TemperException {
    byte[] content = bundle.toJson();
    String layerDigest = store.writeBlob(content);
    String configDigest = store.writeBlob(EMPTY_CONFIG);
    Descriptor layer =
        Descriptor.of(SigstoreBundle.MEDIA_TYPE_V03, Digest.parse(layerDigest), content.length);
    Descriptor config =
        Descriptor.of(MediaTypes.OCI_EMPTY, Digest.parse(configDigest), EMPTY_CONFIG.length);
    Descriptor subjectDescriptor =
        Descriptor.of(subject.mediaType(), Digest.parse(subject.digest()), subject.size());
    boolean envelope = bundle.envelope().isPresent();
    Map<String, String> annotations =
        Map.of(
            CONTENT_ANNOTATION,
            envelope ? "dsse-envelope" : "message-signature",
            PREDICATE_TYPE_ANNOTATION,
            envelope ? predicateType : SIGNATURE_PREDICATE_TYPE);
    ImageManifest manifest =
        new ImageManifest(
            2,
            MediaTypes.OCI_MANIFEST,
            SigstoreBundle.MEDIA_TYPE_V03,
            config,
            List.of(layer),
            subjectDescriptor,
            annotations);
    return store.writeReferrer(
        OciJson.write(manifest),
        MediaTypes.OCI_MANIFEST,
        SigstoreBundle.MEDIA_TYPE_V03,
        subject.digest());
  }

  /**
   * Reads the bundle referrers of {@code imageDigest}. Referrers of other artifact types, such as
   * SBOMs, are left out; a bundle referrer that cannot be read becomes a candidate with an error.
   */
  public static List<Candidate> find(ArtifactStore store, String imageDigest)
      throws IOException, TemperException {
    List<Candidate> candidates = new ArrayList<>();
    for (BlobDescriptor referrer : store.referrers(imageDigest)) {
      String name = "referrer " + referrer.digest();
      try {
        load(store, name, referrer, imageDigest).ifPresent(candidates::add);
      } catch (InvalidInputException e) {
        candidates.add(new Candidate(name, Optional.empty(), e.getMessage()));
      } catch (dev.temper.registry.RegistryException e) {
        if (!CandidateErrors.isContentFailure(e)) {
          throw e;
        }
        candidates.add(new Candidate(name, Optional.empty(), e.getMessage()));
      }
    }
    return List.copyOf(candidates);
  }

  private static Optional<Candidate> load(
      ArtifactStore store, String name, BlobDescriptor referrer, String imageDigest)
      throws IOException, TemperException {
    if (referrer.size() > CosignManifests.MAX_MANIFEST_BYTES) {
      throw new InvalidInputException(name + ": manifest is " + referrer.size() + " bytes");
    }
    Optional<byte[]> bytes =
        store.readManifest(referrer.digest(), CosignManifests.MAX_MANIFEST_BYTES);
    if (bytes.isEmpty()) {
      return Optional.of(new Candidate(name, Optional.empty(), "manifest is missing"));
    }
    JsonNode manifest = Json.parse(bytes.get(), name);
    if (!SigstoreBundle.MEDIA_TYPE_V03.equals(manifest.path("artifactType").asText(""))) {
      return Optional.empty();
    }
    if (!imageDigest.equals(manifest.path("subject").path("digest").asText(""))) {
      throw new InvalidInputException(name + ": subject is not " + imageDigest);
    }
    JsonNode layers = manifest.path("layers");
    if (!layers.isArray() || layers.size() != 1) {
      throw new InvalidInputException(name + ": expected one bundle layer");
    }
    BlobDescriptor layer = LayoutStore.descriptor(layers.get(0), name);
    if (layer.size() > SigstoreBundle.MAX_BYTES) {
      throw new InvalidInputException(
          name
              + ": bundle is "
              + layer.size()
              + " bytes, the maximum is "
              + SigstoreBundle.MAX_BYTES);
    }
    Optional<byte[]> content = store.readBlob(layer.digest(), SigstoreBundle.MAX_BYTES);
    if (content.isEmpty()) {
      return Optional.of(
          new Candidate(name, Optional.empty(), "bundle blob " + layer.digest() + " is missing"));
    }
    return Optional.of(new Candidate(name, Optional.of(SigstoreBundle.parse(content.get())), ""));
  }
}
