package dev.temper.registry.transfer;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.registry.BlobSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the one platform's image that an {@link ImageSource} opened, such as a {@code docker save}
 * archive. The root is the selected manifest, never an index.
 */
public final class ImageSourceTransfer implements TransferSource {
  private final ImageSource source;
  private final ResolvedImage image;

  /** Wraps an opened source. */
  public ImageSourceTransfer(ImageSource source) throws InvalidInputException {
    this.source = source;
    this.image = source.image();
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public Descriptor root() {
    return image.manifestDescriptor();
  }

  @Override
  public byte[] document(Descriptor descriptor) throws InvalidInputException {
    if (descriptor.digest().equals(image.manifestDescriptor().digest())) {
      return image.manifestBytes();
    }
    if (descriptor.digest().equals(image.manifest().config().digest())) {
      return image.configBytes();
    }
    throw new InvalidInputException(source.name() + ": no document " + descriptor.digest());
  }

  /** Returns false: an archive is one file that is read entry by entry. */
  @Override
  public boolean concurrentReads() {
    return false;
  }

  @Override
  public BlobSource blob(Descriptor descriptor) {
    return () -> open(descriptor);
  }

  private InputStream open(Descriptor descriptor) throws IOException {
    try {
      return source.openBlob(descriptor);
    } catch (TemperException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
