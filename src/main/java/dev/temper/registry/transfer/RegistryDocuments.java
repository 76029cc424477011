package dev.temper.registry.transfer;

import dev.temper.cache.ContentCache;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.registry.PulledManifest;
import dev.temper.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Reads the documents an image lists from a registry: manifests from the manifest API, configs as
 * blobs.
 */
final class RegistryDocuments {
  private RegistryDocuments() {}

  /**
   * Returns the document's bytes, verified against the descriptor's digest and size.
   *
   * @throws InvalidInputException when the descriptor announces more than the document limit
   */
  static byte[] read(RegistryClient client, ContentCache cache, Descriptor descriptor, String name)
      throws IOException, TemperException {
    if (descriptor.size() > OciJson.MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(
          name
              + ": "
              + descriptor.digest()
              + " has "
              + descriptor.size()
              + " bytes, more than the limit of "
              + OciJson.MAX_DOCUMENT_BYTES);
    }
    if (MediaTypes.isManifest(descriptor.mediaType())
        || MediaTypes.isIndex(descriptor.mediaType())) {
      PulledManifest pulled = client.pullManifest(descriptor.digest().toString());
      byte[] bytes = pulled.bytes();
      if (bytes.length != descriptor.size()) {
        throw IntegrityException.sizeMismatch(
            name + ": manifest " + descriptor.digest(), descriptor.size(), bytes.length);
      }
      return bytes;
    }
    return Files.readAllBytes(client.pullBlob(descriptor, cache));
  }
}
