package dev.temper.sign;

import dev.temper.cache.ContentCache;
import dev.temper.error.TemperException;
import dev.temper.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The storage that signing and verification read and write: content-addressed blobs, manifests and
 * tags, and referrers. An OCI image layout and a registry repository both fit it.
 *
 * <p>Every digest is {@code sha256:<64 lowercase hex>}, and implementations reject other forms.
 */
public interface ArtifactStore {
  /**
   * Reads a blob or manifest by digest, checking that the bytes hash to it.
   *
   * @param maxBytes content longer than this is rejected without being read whole
   * @return empty when the store has no such blob
   */
  Optional<byte[]> readBlob(String digest, long maxBytes) throws IOException, TemperException;

  /**
   * Reads a manifest or index by digest, checking that the bytes hash to it. A layout keeps
   * manifests as blobs, a registry serves them on their own endpoint.
   *
   * @return empty when the store has no such manifest
   */
  default Optional<byte[]> readManifest(String digest, long maxBytes)
      throws IOException, TemperException {
    return readBlob(digest, maxBytes);
  }

  /** Stores a blob and returns its digest; storing existing content again is a no-op. */
  String writeBlob(byte[] content) throws IOException, TemperException;

  /**
   * Stores a manifest and points {@code tag} at it, replacing what the tag named before.
   *
   * @return the manifest's descriptor
   */
  BlobDescriptor writeManifest(byte[] manifest, String mediaType, String tag)
      throws IOException, TemperException;

  /** Returns the descriptor of the manifest that {@code tag} names, or empty. */
  Optional<BlobDescriptor> resolveTag(String tag) throws IOException, TemperException;

  /**
   * Stores an untagged manifest whose {@code subject} is {@code subjectDigest}, so that {@link
   * #referrers} lists it.
   *
   * @param artifactType the manifest's {@code artifactType}, recorded where the store lists it
   * @return the manifest's descriptor
   */
  BlobDescriptor writeReferrer(
      byte[] manifest, String mediaType, String artifactType, String subjectDigest)
      throws IOException, TemperException;

  /**
   * Runs {@code update} while other writers of this store wait, so that reading a tag's manifest
   * and writing its successor loses no change made at the same time. An OCI layout holds its index
   * lock for the whole update, against other threads and processes, and its own writes take the
   * same lock. A registry has no lock, so there the update runs unguarded.
   */
  default <T> T exclusively(Update<T> update) throws IOException, TemperException {
    return update.run();
  }

  /** Reads and writes a store as one step of {@link #exclusively}. */
  @FunctionalInterface
  interface Update<T> {
    /** Runs the step and returns its result. */
    T run() throws IOException, TemperException;
  }

  /** Lists the manifests whose {@code subject} is {@code digest} (OCI 1.1 referrers). */
  List<BlobDescriptor> referrers(String digest) throws IOException, TemperException;

  /**
   * Lists the manifests that the store's top level names, with their annotations: the entries of a
   * layout's {@code index.json}, the tags of a registry repository.
   */
  List<BlobDescriptor> manifests() throws IOException, TemperException;

  /**
   * Opens an OCI image layout directory, creating its {@code oci-layout} and {@code index.json} on
   * the first write.
   */
  static ArtifactStore ociLayout(Path directory) {
    return new LayoutStore(directory);
  }

  /**
   * Opens a registry repository through {@code client}. Blobs read from it pass through the content
   * cache, which keeps only content whose digest matched.
   */
  static ArtifactStore registry(RegistryClient client, ContentCache cache) {
    return new RegistryStore(client, cache);
  }
}
