package dev.temper.registry.transfer;

import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.registry.BlobSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes an image into an OCI image layout, new or existing. A new layout appears only at commit.
 * Blobs that come from the content cache are linked into the layout rather than copied and hashed
 * again. Other blobs are checked against their descriptors as they are written.
 */
public final class LayoutTransferTarget implements TransferTarget {
  private final OciLayoutWriter writer;
  private final String tag;

  /**
   * Creates the target.
   *
   * @param tag the {@code index.json} name for the root, or null to list it untagged
   */
  public LayoutTransferTarget(OciLayoutWriter writer, String tag) {
    this.writer = writer;
    this.tag = tag;
  }

  /**
   * Returns whether the layout already has the blob intact, so that a pull into it skips the
   * download even when the content cache lacks the blob.
   */
  @Override
  public boolean hasBlob(Descriptor descriptor) throws IOException {
    return writer.hasIntactBlob(descriptor);
  }

  @Override
  public void putBlob(Descriptor descriptor, BlobSource content)
      throws IOException, TemperException {
    Optional<Path> file = content.file();
    if (content.verified() && file.isPresent()) {
      writer.addVerifiedBlob(descriptor, file.get());
      return;
    }
    try (InputStream in = content.open()) {
      writer.writeBlob(descriptor, in);
    }
  }

  @Override
  public void manifest(Descriptor descriptor, byte[] bytes) throws IOException, TemperException {
    writer.writeBlob(descriptor, new ByteArrayInputStream(bytes));
  }

  @Override
  public String root(Descriptor descriptor, byte[] bytes) throws IOException, TemperException {
    writer.writeBlob(descriptor, new ByteArrayInputStream(bytes));
    Descriptor entry = descriptor.withAnnotations(java.util.Map.of()).withPlatform(null);
    if (tag == null) {
      writer.addUntagged(entry);
      return "oci:" + writer.target();
    }
    writer.tag(entry, tag);
    return "oci:" + writer.target() + ":" + tag;
  }

  @Override
  public void commit() throws IOException, TemperException {
    writer.commit();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
