package dev.temper.registry.transfer;

import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.registry.BlobSource;
import dev.temper.registry.Repository;
import java.io.IOException;
import java.util.Optional;

/** The source of an image for {@link ImageCopier}: its root document, child documents and blobs. */
public interface TransferSource {
  /** Returns the name of the image for messages. */
  String name();

  /** Returns the descriptor of the document the reference names, a manifest or an index. */
  Descriptor root() throws IOException, TemperException;

  /**
   * Returns the bytes of a manifest, index or config, verified against the descriptor.
   *
   * @throws dev.temper.error.IntegrityException when they do not match
   */
  byte[] document(Descriptor descriptor) throws IOException, TemperException;

  /** Returns the blob's bytes, which the target verifies against the descriptor while it reads. */
  BlobSource blob(Descriptor descriptor) throws IOException, TemperException;

  /** Returns whether {@link #blob} may be called from several threads at once. */
  default boolean concurrentReads() {
    return true;
  }

  /** Returns the registry repository that contains the blobs, so a target there can mount them. */
  default Optional<Repository> repository() {
    return Optional.empty();
  }
}
