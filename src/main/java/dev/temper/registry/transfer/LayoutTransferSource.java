package dev.temper.registry.transfer;

import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.registry.BlobSource;
import java.io.IOException;

/** Reads an image, with every platform of an index, from an OCI image layout. */
public final class LayoutTransferSource implements TransferSource {
  private final OciLayout layout;
  private final Descriptor root;
  private final String name;

  private LayoutTransferSource(OciLayout layout, Descriptor root, String name) {
    this.layout = layout;
    this.root = root;
    this.name = name;
  }

  /** Opens the entry of {@code index.json} that the reference names. */
  public static LayoutTransferSource open(OciLayoutReference reference)
      throws IOException, TemperException {
    OciLayout layout = OciLayout.open(reference.directory());
    Descriptor root =
        reference.sourceIndex() >= 0
            ? layout.entryAt(reference.sourceIndex())
            : layout.resolve(reference.tag());
    return new LayoutTransferSource(layout, root, reference.toString());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Descriptor root() {
    return root;
  }

  @Override
  public byte[] document(Descriptor descriptor) throws IOException, TemperException {
    return layout.readDocument(descriptor);
  }

  /** Returns the blob's file. Targets verify its digest as they read it. */
  @Override
  public BlobSource blob(Descriptor descriptor) throws NotFoundException {
    if (!layout.hasBlob(descriptor.digest())) {
      throw new NotFoundException(
          name
              + ": blob "
              + descriptor.digest()
              + " not found at "
              + layout.blobPath(descriptor.digest()));
    }
    return BlobSource.ofFile(layout.blobPath(descriptor.digest()));
  }
}
