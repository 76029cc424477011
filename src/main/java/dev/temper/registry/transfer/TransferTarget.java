package dev.temper.registry.transfer;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.registry.BlobSource;
import dev.temper.registry.Repository;
import java.io.Closeable;
import java.io.IOException;

/**
 * The destination of an image for {@link ImageCopier}. Closing without {@link #commit} leaves no
 * output.
 */
public interface TransferTarget extends Closeable {
  /**
   * Checks the root that is about to be copied, before anything is written, against what the
   * target's name requires.
   *
   * @throws InvalidInputException when the target names another digest
   */
  default void checkRoot(Descriptor root) throws InvalidInputException {}

  /** Returns whether the target has the blob already. */
  boolean hasBlob(Descriptor descriptor) throws IOException, TemperException;

  /**
   * Mounts the blob from a repository of the same registry and returns whether that worked. Only
   * registry targets can mount; others return false.
   */
  default boolean mountBlob(Descriptor descriptor, Repository from)
      throws IOException, TemperException {
    return false;
  }

  /** Stores a blob, verifying it against the descriptor. */
  void putBlob(Descriptor descriptor, BlobSource content) throws IOException, TemperException;

  /** Stores a child manifest of an index under its digest. */
  void manifest(Descriptor descriptor, byte[] bytes) throws IOException, TemperException;

  /** Stores the root manifest or index under the target's tag and returns where it went. */
  String root(Descriptor descriptor, byte[] bytes) throws IOException, TemperException;

  /** Makes the written image visible, for targets that stage their output. */
  default void commit() throws IOException, TemperException {}

  @Override
  default void close() throws IOException {}
}
