package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.registry.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and attests images in cosign's tag-based layout and reads the signatures back. Each new
 * signature becomes one more layer of the image's {@code .sig} or {@code .att} manifest.
 */
public final class CosignImages {
  /** The maximum size of a simple-signing payload. Real ones are under 1 KiB. */
  static final long MAX_PAYLOAD_BYTES = 1 << 20;

  /** The maximum size of an attestation layer, which can contain a whole SBOM. */
  static final long MAX_ENVELOPE_BYTES = SigstoreBundle.MAX_BYTES;

  private CosignImages() {}

  /**
   * The result of signing or attesting.
   *
   * @param tag the tag of the signature or attestation manifest
   * @param manifest the manifest's descriptor
   * @param bundle the same signature as a Sigstore bundle
   */
  public record Attached(String tag, BlobDescriptor manifest, SigstoreBundle bundle) {}

  /** Signs {@code imageDigest} with a simple-signing payload and stores the signature. */
  public static Attached sign(
      ArtifactStore store,
      String imageDigest,
      String dockerReference,
      Map<String, String> annotations,
      SigningKey key)
      throws IOException, TemperException {
    byte[] payload = SimpleSigning.of(dockerReference, imageDigest, annotations).toJson();
    byte[] signature = key.sign(payload);
    String layerDigest = store.writeBlob(payload);
    BlobDescriptor layer =
        new BlobDescriptor(
            SimpleSigning.MEDIA_TYPE,
            layerDigest,
            payload.length,
            Map.of(
                CosignManifests.SIGNATURE_ANNOTATION,
                Base64.getEncoder().encodeToString(signature)));
    String tag = CosignManifests.tag(imageDigest, "sig");
    BlobDescriptor manifest = append(store, tag, layer);
    SigstoreBundle bundle =
        SigstoreBundle.forMessage(key.verificationKey(), Digests.sha256(payload), signature);
    return new Attached(tag, manifest, bundle);
  }

  /** Wraps {@code statement} in a signed DSSE envelope and stores it as an attestation. */
  public static Attached attest(
      ArtifactStore store, String imageDigest, InTotoStatement statement, SigningKey key)
      throws IOException, TemperException {
    Dsse envelope = Dsse.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement.toJson(), key);
    byte[] content = envelope.toJson();
    String layerDigest = store.writeBlob(content);
    BlobDescriptor layer =
        new BlobDescriptor(
            Dsse.MEDIA_TYPE,
            layerDigest,
            content.length,
            Map.of(
                CosignManifests.SIGNATURE_ANNOTATION,
                "",
                CosignManifests.PREDICATE_TYPE_ANNOTATION,
                statement.predicateType()));
    String tag = CosignManifests.tag(imageDigest, "att");
    BlobDescriptor manifest = append(store, tag, layer);
    return new Attached(tag, manifest, SigstoreBundle.forEnvelope(key.verificationKey(), envelope));
  }

  /** Reads the layers of the image's signature manifest; empty when the image has none. */
  public static List<SignatureLayer> signatures(ArtifactStore store, String imageDigest)
      throws IOException, TemperException {
    return layers(store, CosignManifests.tag(imageDigest, "sig"), MAX_PAYLOAD_BYTES);
  }

  /** Reads the layers of the image's attestation manifest; empty when the image has none. */
  public static List<SignatureLayer> attestations(ArtifactStore store, String imageDigest)
      throws IOException, TemperException {
    return layers(store, CosignManifests.tag(imageDigest, "att"), MAX_ENVELOPE_BYTES);
  }

  /**
   * Looks up the simple-signing payload that a {@code messageSignature} bundle signed: the store
   * contains it as a blob whose digest is the bundle's messageDigest.
   *
   * @return empty for DSSE bundles and when the store has no such blob
   */
  public static Optional<byte[]> bundlePayload(ArtifactStore store, SigstoreBundle bundle)
      throws IOException, TemperException {
    if (bundle.envelope().isPresent()) {
      return Optional.empty();
    }
    String digest = "sha256:" + java.util.HexFormat.of().formatHex(bundle.messageDigestSha256());
    return store.readBlob(digest, MAX_PAYLOAD_BYTES);
  }

  /**
   * Adds a layer to the manifest that {@code tag} names. Concurrent signers take turns through the
   * store's lock, because each replaces the manifest that the other read.
   */
  private static BlobDescriptor append(ArtifactStore store, String tag, BlobDescriptor layer)
      throws IOException, TemperException {
    return store.exclusively(() -> appendLayer(store, tag, layer));
  }

  private static BlobDescriptor appendLayer(ArtifactStore store, String tag, BlobDescriptor layer)
      throws IOException, TemperException {
    List<BlobDescriptor> layers = new ArrayList<>();
    Optional<BlobDescriptor> existing = store.resolveTag(tag);
    if (existing.isPresent()) {
      byte[] manifest = readManifest(store, existing.get(), tag);
      layers.addAll(CosignManifests.layers(manifest, tag));
    }
    if (layers.contains(layer)) {
      return existing.orElseThrow();
    }
    layers.add(layer);
    if (layers.size() > CosignManifests.MAX_LAYERS) {
      throw new InvalidInputException(
          tag + ": already has " + CosignManifests.MAX_LAYERS + " signatures, the maximum");
    }
    CosignManifests.Blobs built = CosignManifests.build(layers);
    store.writeBlob(built.config());
    return store.writeManifest(built.manifest(), CosignManifests.MANIFEST_MEDIA_TYPE, tag);
  }

  private static List<SignatureLayer> layers(ArtifactStore store, String tag, long maxBytes)
      throws IOException, TemperException {
    Optional<BlobDescriptor> manifest = store.resolveTag(tag);
    if (manifest.isEmpty()) {
      return List.of();
    }
    List<BlobDescriptor> descriptors =
        CosignManifests.layers(readManifest(store, manifest.get(), tag), tag);
    List<SignatureLayer> layers = new ArrayList<>();
    for (int i = 0; i < descriptors.size(); i++) {
      BlobDescriptor descriptor = descriptors.get(i);
      String name = tag + " layer " + (i + 1);
      layers.add(load(store, name, descriptor, maxBytes));
    }
    return List.copyOf(layers);
  }

  private static SignatureLayer load(
      ArtifactStore store, String name, BlobDescriptor descriptor, long maxBytes)
      throws IOException, TemperException {
    try {
      if (descriptor.size() > maxBytes) {
        return new SignatureLayer(
            name,
            descriptor,
            Optional.empty(),
            "layer is " + descriptor.size() + " bytes, the maximum is " + maxBytes);
      }
      Optional<byte[]> content = store.readBlob(descriptor.digest(), maxBytes);
      if (content.isEmpty()) {
        return new SignatureLayer(
            name, descriptor, content, "layer blob " + descriptor.digest() + " is missing");
      }
      if (content.get().length != descriptor.size()) {
        String error =
            "layer is "
                + content.get().length
                + " bytes but its descriptor states "
                + descriptor.size();
        return new SignatureLayer(name, descriptor, Optional.empty(), error);
      }
      return new SignatureLayer(name, descriptor, content, "");
    } catch (InvalidInputException e) {
      return new SignatureLayer(name, descriptor, Optional.empty(), e.getMessage());
    } catch (RegistryException e) {
      if (!CandidateErrors.isContentFailure(e)) {
        throw e;
      }
      return new SignatureLayer(name, descriptor, Optional.empty(), e.getMessage());
    }
  }

  private static byte[] readManifest(ArtifactStore store, BlobDescriptor manifest, String tag)
      throws IOException, TemperException {
    return store
        .readManifest(manifest.digest(), CosignManifests.MAX_MANIFEST_BYTES)
        .orElseThrow(
            () ->
                new InvalidInputException(tag + ": manifest " + manifest.digest() + " is missing"));
  }
}
