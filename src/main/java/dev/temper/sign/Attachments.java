package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what is attached to an image from one store to another: cosign's signature and attestation
 * manifests, tagged {@code sha256-<hex>.sig} and {@code .att}, and the OCI 1.1 referrers of the
 * image, such as the SBOM that {@code temper build} attaches. The image itself must already be in
 * the target with the same digests, so every signature stays valid.
 *
 * <p>A signature manifest that the target has under another digest is merged with the copied one,
 * keeping every signature of both, unless the target has every copied layer already. A referrer
 * that the target lists already is not copied again.
 */
public final class Attachments {
  /** The largest attached blob that is copied, such as an SBOM layer. */
  static final long MAX_BLOB_BYTES = 64L << 20;

  /** The maximum number of referrers of one image that are copied. A longer list is rejected. */
  static final int MAX_REFERRERS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(Attachments.class);
  private static final List<String> COSIGN_SUFFIXES = List.of("sig", "att");

  /**
   * The number of attachments copied.
   *
   * @param tagged the signature and attestation manifests written under cosign's tags
   * @param referrers the referrer manifests written
   * @param present the manifests of either kind that the target already had, unchanged
   */
  public record Copied(int tagged, int referrers, int present) {}

  /** The result of copying one cosign tag. */
  private enum TagOutcome {
    NOT_IN_SOURCE,
    PRESENT,
    WRITTEN
  }

  /** The counts of one subject's referrers: written to the target, and found there already. */
  private record ReferrerCounts(int written, int present) {}

  private Attachments() {}

  /**
   * Copies the attachments of each digest in {@code subjects} from {@code from} to {@code to}.
   *
   * @param subjects {@code sha256:<hex>} digests of manifests and indexes present in both stores
   * @throws InvalidInputException when an attachment is malformed or a blob is too large
   */
  public static Copied copy(ArtifactStore from, ArtifactStore to, List<String> subjects)
      throws IOException, TemperException {
    int tagged = 0;
    int referrers = 0;
    int present = 0;
    for (String subject : subjects) {
      for (String suffix : COSIGN_SUFFIXES) {
        String tag = CosignManifests.tag(subject, suffix);
        // Signers of a layout target take the same lock, so neither loses the other's layers.
        switch (to.exclusively(() -> copyTagged(from, to, tag))) {
          case WRITTEN -> tagged++;
          case PRESENT -> present++;
          case NOT_IN_SOURCE -> {}
        }
      }
      ReferrerCounts counts = copyReferrers(from, to, subject);
      referrers += counts.written();
      present += counts.present();
    }
    return new Copied(tagged, referrers, present);
  }

  private static TagOutcome copyTagged(ArtifactStore from, ArtifactStore to, String tag)
      throws IOException, TemperException {
    Optional<BlobDescriptor> source = from.resolveTag(tag);
    if (source.isEmpty()) {
      return TagOutcome.NOT_IN_SOURCE;
    }
    byte[] manifest = readManifest(from, source.get(), tag);
    Optional<BlobDescriptor> existing = to.resolveTag(tag);
    if (existing.isPresent() && existing.get().digest().equals(source.get().digest())) {
      return TagOutcome.PRESENT;
    }
    JsonNode root = Json.parse(manifest, tag);
    if (existing.isEmpty()) {
      copyBlobs(from, to, root, tag);
      to.writeManifest(manifest, CosignManifests.MANIFEST_MEDIA_TYPE, tag);
      return TagOutcome.WRITTEN;
    }
    // Keep the target's signatures and add the copied ones that it lacks. Layers are compared
    // whole, because two keys that sign the same payload give two layers with one digest and
    // different signature annotations.
    Set<BlobDescriptor> layers =
        new LinkedHashSet<>(CosignManifests.layers(readManifest(to, existing.get(), tag), tag));
    int targetLayerCount = layers.size();
    layers.addAll(CosignManifests.layers(root, tag));
    if (layers.size() == targetLayerCount) {
      // The target has every copied layer already, so its manifest stays as it is.
      return TagOutcome.PRESENT;
    }
    if (layers.size() > CosignManifests.MAX_LAYERS) {
      throw new InvalidInputException(
          tag
              + ": merging the signatures would give "
              + layers.size()
              + " layers, the maximum is "
              + CosignManifests.MAX_LAYERS);
    }
    copyBlobs(from, to, root, tag);
    CosignManifests.Blobs merged = CosignManifests.build(List.copyOf(layers));
    to.writeBlob(merged.config());
    to.writeManifest(merged.manifest(), CosignManifests.MANIFEST_MEDIA_TYPE, tag);
    return TagOutcome.WRITTEN;
  }

  /** Copies the referrers of one subject that the target lacks. */
  private static ReferrerCounts copyReferrers(ArtifactStore from, ArtifactStore to, String subject)
      throws IOException, TemperException {
    Set<String> present =
        to.referrers(subject).stream()
            .map(BlobDescriptor::digest)
            .collect(Collectors.toCollection(HashSet::new));
    List<BlobDescriptor> listed = from.referrers(subject);
    if (listed.size() > MAX_REFERRERS) {
      throw new InvalidInputException(
          subject + ": " + listed.size() + " referrers listed, the maximum is " + MAX_REFERRERS);
    }
    int copied = 0;
    int alreadyPresent = 0;
    Set<String> handled = new HashSet<>();
    for (BlobDescriptor referrer : listed) {
      if (!handled.add(referrer.digest()) || referrer.digest().equals(subject)) {
        continue;
      }
      if (present.contains(referrer.digest())) {
        alreadyPresent++;
        continue;
      }
      String name = "referrer " + referrer.digest() + " of " + subject;
      byte[] manifest = readManifest(from, referrer, name);
      JsonNode root = Json.parse(manifest, name);
      if (!subject.equals(root.path("subject").path("digest").asText(""))) {
        // A registry's referrers list is not proof, so only a manifest that names the image counts.
        LOG.warn("Skipping {}: its manifest names another subject or none", name);
        continue;
      }
      String mediaType = root.path("mediaType").asText(referrer.mediaType());
      String artifactType =
          root.path("artifactType").asText(root.path("config").path("mediaType").asText(""));
      copyBlobs(from, to, root, name);
      to.writeReferrer(manifest, mediaType, artifactType, subject);
      copied++;
    }
    return new ReferrerCounts(copied, alreadyPresent);
  }

  /** Copies the config and the layers of a manifest, each checked against its digest. */
  private static void copyBlobs(ArtifactStore from, ArtifactStore to, JsonNode root, String name)
      throws IOException, TemperException {
    List<BlobDescriptor> blobs = new ArrayList<>();
    if (root.path("config").isObject()) {
      blobs.add(LayoutStore.descriptor(root.path("config"), name));
    }
    blobs.addAll(CosignManifests.layers(root, name));
    for (BlobDescriptor blob : blobs) {
      if (blob.size() > MAX_BLOB_BYTES) {
        throw new InvalidInputException(
            name + ": blob " + blob.digest() + " is larger than " + MAX_BLOB_BYTES + " bytes");
      }
      byte[] bytes =
          from.readBlob(blob.digest(), MAX_BLOB_BYTES)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          name + ": blob " + blob.digest() + " not found in the source"));
      String written = to.writeBlob(bytes);
      if (!written.equals(blob.digest())) {
        throw new InvalidInputException(
            name + ": blob " + blob.digest() + " was stored as " + written);
      }
    }
  }

  private static byte[] readManifest(ArtifactStore store, BlobDescriptor manifest, String name)
      throws IOException, TemperException {
    return store
        .readManifest(manifest.digest(), CosignManifests.MAX_MANIFEST_BYTES)
        .orElseThrow(
            () ->
                new InvalidInputException(name + ": manifest " + manifest.digest() + " not found"));
  }
}
