package dev.temper.registry.transfer;

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

  /**
   * Creates the target.
   *
   * @param tag the tag for the root, or null to push it by digest only
   */
  public RegistryTransferTarget(RegistryClient client, String tag) {
    this.client = client;
    this.tag = tag;
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
