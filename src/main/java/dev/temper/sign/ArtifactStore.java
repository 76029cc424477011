package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The storage that signing and verification read and write: content-addressed blobs, manifests and
 * tags. An OCI image layout and a registry repository both fit it.
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
  Optional<byte[]> readBlob(String digest, long maxBytes) throws IOException, InvalidInputException;

  /** Stores a blob and returns its digest; storing existing content again is a no-op. */
  String writeBlob(byte[] content) throws IOException, InvalidInputException;

  /**
   * Stores a manifest and points {@code tag} at it, replacing what the tag named before.
   *
   * @return the manifest's descriptor
   */
  BlobDescriptor writeManifest(byte[] manifest, String mediaType, String tag)
      throws IOException, InvalidInputException;

  /** Returns the descriptor of the manifest that {@code tag} names, or empty. */
  Optional<BlobDescriptor> resolveTag(String tag) throws IOException, InvalidInputException;

  /** Lists the manifests whose {@code subject} is {@code digest} (OCI 1.1 referrers). */
  List<BlobDescriptor> referrers(String digest) throws IOException, InvalidInputException;

  /** Lists the manifests that the store's top level names, with their annotations. */
  List<BlobDescriptor> manifests() throws IOException, InvalidInputException;

  /**
   * Opens an OCI image layout directory, creating its {@code oci-layout} and {@code index.json} on
   * the first write.
   */
  static ArtifactStore ociLayout(Path directory) {
    return new LayoutStore(directory);
  }
}
