package dev.temper.oci.image;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An opened image, wherever it is stored: an OCI layout, a {@code docker save} archive, a registry
 * or a root file system directory. Implementations choose the platform when they are opened, so
 * {@link #image()} describes one runnable image. {@link ImageFiles#walk} reads the final file view
 * of any source.
 *
 * <p>A registry-backed implementation needs only a way to fetch documents and blobs: {@link
 * ImageResolver#resolve} builds the {@link ResolvedImage} from them.
 */
public interface ImageSource extends Closeable {
  /** Returns the name of the image for messages, such as {@code oci:out:1.0}. */
  String name();

  /**
   * Returns the image's manifest and config for the selected platform.
   *
   * @throws InvalidInputException for a source that has no manifest, a {@code dir:} root file
   *     system
   */
  ResolvedImage image() throws InvalidInputException;

  /**
   * Opens a blob that the image's documents list, as a stream that checks the size and digest
   * against the descriptor while it is read. A mismatch fails at the end of the stream with a
   * {@link dev.temper.oci.blob.BlobIntegrityIOException} that carries an {@link
   * dev.temper.error.IntegrityException} naming the blob and both digests.
   */
  InputStream openBlob(Descriptor descriptor) throws IOException, TemperException;

  /** Returns the directory of a {@code dir:} source, whose files are the image's files. */
  default Optional<Path> rootfsDirectory() {
    return Optional.empty();
  }

  @Override
  default void close() throws IOException {}
}
