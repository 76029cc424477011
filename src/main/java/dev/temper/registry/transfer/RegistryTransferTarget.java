package dev.temper.registry.transfer;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.registry.BlobSource;
import dev.temper.registry.RegistryClient;
import dev.temper.registry.Repository;
import java.io.IOException;

/** Writes an image to a registry repository, under a tag or only by digest. */
public final class RegistryTransferTarget implements TransferTarget {
  private final RegistryClient client;
  private final String tag;
  private final Digest digest;

  /**
   * Creates the target.
   *
   * @param tag the tag for the root, or null to push it by digest only
   * @param digest the digest that the target's name requires of the root, or null
   */
  public RegistryTransferTarget(RegistryClient client, String tag, Digest digest) {
    this.client = client;
    this.tag = tag;
    this.digest = digest;
  }

  @Override
  public void checkRoot(Descriptor root) throws InvalidInputException {
    if (digest != null && !digest.equals(root.digest())) {
      throw new InvalidInputException(
          "cannot copy to "
              + client.repository()
              + "@"
              + digest
              + ": the image to copy is "
              + root.digest()
              + "; name the target by tag, or by the image's own digest");
    }
  }

  @Override
  public boolean hasBlob(Descriptor descriptor) throws IOException, TemperException {
    return client.hasBlob(descriptor.digest());
  }

  @Override
  public boolean mountBlob(Descriptor descriptor, Repository from)
      throws IOException, TemperException {
    return !from.equals(client.repository()) && client.mountBlob(descriptor.digest(), from);
  }

  @Override
  public void putBlob(Descriptor descriptor, BlobSource content)
      throws IOException, TemperException {
    client.uploadBlob(descriptor, content);
  }

  @Override
  public void manifest(Descriptor descriptor, byte[] bytes) throws IOException, TemperException {
    client.pushManifest(bytes, descriptor.mediaType(), descriptor.digest().toString());
  }

  @Override
  public String root(Descriptor descriptor, byte[] bytes) throws IOException, TemperException {
    Digest digest =
        client.pushManifest(
            bytes, descriptor.mediaType(), tag == null ? descriptor.digest().toString() : tag);
    return client.repository() + (tag == null ? "" : ":" + tag) + "@" + digest;
  }
}
