package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.cache.ContentCache;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.PulledManifest;
import dev.temper.registry.Registries;
import dev.temper.registry.RegistryClient;
import dev.temper.registry.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image that a sign or verify command names, opened with the store that contains its
 * signatures: an OCI layout ({@code oci:DIR[:TAG]}) or a registry repository ({@code
 * HOST/REPO:TAG}, {@code docker://HOST/REPO@sha256:...}).
 *
 * @param store where the image and its signatures are
 * @param manifest the descriptor of the image manifest or index that the reference names
 * @param defaultReference the repository to name in payloads when the user gives none
 */
public record SignTarget(ArtifactStore store, BlobDescriptor manifest, String defaultReference) {

  /** The largest index whose platform manifests are read. */
  private static final long MAX_INDEX_BYTES = CosignManifests.MAX_MANIFEST_BYTES;

  /**
   * Opens the image named by {@code image}.
   *
   * @param registries opens the registry client when the name is a registry reference
   * @throws InvalidInputException when the name is neither a layout nor a registry reference, or
   *     names no image
   */
  public static SignTarget open(String image, Registries registries, ContentCache cache)
      throws IOException, TemperException {
    if (image.startsWith("oci:")) {
      return openLayout(image);
    }
    ImageReference parsed = ImageReferences.parse(image);
    if (!(parsed instanceof RegistryReference reference)) {
      throw new InvalidInputException(
          "image '" + image + "' is not supported here: use oci:DIR[:TAG] or HOST/REPOSITORY:TAG");
    }
    Repository repository;
    try {
      repository = new Repository(reference.registry(), reference.repository());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(image + ": " + e.getMessage(), e);
    }
    RegistryClient client = registries.open(repository);
    PulledManifest pulled = client.pullManifest(reference.manifestReference());
    BlobDescriptor manifest =
        new BlobDescriptor(
            pulled.mediaType(), pulled.digest().toString(), pulled.bytes().length, Map.of());
    return new SignTarget(ArtifactStore.registry(client, cache), manifest, reference.name());
  }

  /** Opens the image named {@code oci:DIR[:TAG]}. */
  public static SignTarget openLayout(String image) throws IOException, TemperException {
    LayoutImage layout = LayoutImage.parse(image);
    ArtifactStore store = ArtifactStore.ociLayout(layout.directory());
    String digest = layout.resolveDigest(store);
    byte[] bytes =
        store
            .readManifest(digest, MAX_INDEX_BYTES)
            .orElseThrow(() -> new InvalidInputException(image + ": manifest is missing"));
    String mediaType = Json.parse(bytes, image).path("mediaType").asText("");
    if (mediaType.isEmpty()) {
      // The image spec lets a manifest leave out mediaType; the index entry then names it.
      mediaType =
          store.manifests().stream()
              .filter(entry -> entry.digest().equals(digest))
              .map(BlobDescriptor::mediaType)
              .findFirst()
              .orElse(MediaTypes.OCI_MANIFEST);
    }
    BlobDescriptor manifest = new BlobDescriptor(mediaType, digest, bytes.length, Map.of());
    return new SignTarget(store, manifest, layout.defaultReference());
  }

  /** Returns the digest of the manifest or index. */
  public String digest() {
    return manifest.digest();
  }

  /** Returns whether the reference names an index of platform manifests. */
  public boolean isIndex() {
    return MediaTypes.isIndex(manifest.mediaType());
  }

  /**
   * Returns the image manifests that the index lists, or an empty list for a single manifest.
   * Entries of other media types, such as nested indexes, are left out.
   */
  public List<BlobDescriptor> platformManifests() throws IOException, TemperException {
    if (!isIndex()) {
      return List.of();
    }
    byte[] bytes =
        store
            .readManifest(digest(), MAX_INDEX_BYTES)
            .orElseThrow(() -> new InvalidInputException(digest() + ": index is missing"));
    JsonNode entries = Json.parse(bytes, "index " + digest()).path("manifests");
    List<BlobDescriptor> manifests = new ArrayList<>();
    for (JsonNode entry : entries) {
      BlobDescriptor descriptor = LayoutStore.descriptor(entry, "index " + digest());
      if (MediaTypes.isManifest(descriptor.mediaType())) {
        manifests.add(descriptor);
      }
    }
    return List.copyOf(manifests);
  }

  /** Returns this image's store with another manifest of it, such as one platform's. */
  public SignTarget withManifest(BlobDescriptor other) {
    return new SignTarget(store, other, defaultReference);
  }
}
