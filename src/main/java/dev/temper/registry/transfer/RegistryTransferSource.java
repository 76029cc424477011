package dev.temper.registry.transfer;

import dev.temper.cache.ContentCache;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.registry.BlobSource;
import dev.temper.registry.PulledBlob;
import dev.temper.registry.PulledManifest;
import dev.temper.registry.RegistryClient;
import dev.temper.registry.Repository;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads an image from a registry. Blobs are pulled into the content cache, which checks their size
 * and digest, and are read from there.
 */
public final class RegistryTransferSource implements TransferSource {
  private final RegistryClient client;
  private final String reference;
  private final ContentCache cache;
  private PulledManifest root;

  /**
   * Creates the source.
   *
   * @param reference the tag or digest of the root manifest or index
   */
  public RegistryTransferSource(RegistryClient client, String reference, ContentCache cache) {
    this.client = client;
    this.reference = reference;
    this.cache = cache;
  }

  @Override
  public String name() {
    return client.repository() + (reference.contains(":") ? "@" : ":") + reference;
  }

  @Override
  public Descriptor root() throws IOException, TemperException {
    if (root == null) {
      root = client.pullManifest(reference);
    }
    return root.descriptor();
  }

  @Override
  public byte[] document(Descriptor descriptor) throws IOException, TemperException {
    if (root != null && root.digest().equals(descriptor.digest())) {
      return root.bytes();
    }
    return RegistryDocuments.read(client, cache, descriptor, name());
  }

  @Override
  public BlobSource blob(Descriptor descriptor) throws IOException, TemperException {
    // A target may link the file rather than read it, so a cached copy is checked again here.
    PulledBlob pulled = client.pullIntactBlob(descriptor, cache);
    return BlobSource.ofVerifiedFile(pulled.file(), !pulled.downloaded());
  }

  @Override
  public Optional<Repository> repository() {
    return Optional.of(client.repository());
  }
}
