package dev.temper.oci.image;

import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;

/** Receives the entries of an image's final file view, one at a time, in a single pass. */
@FunctionalInterface
public interface ImageFileVisitor {
  /**
   * Handles one entry.
   *
   * @param content the bytes of a regular file, readable only during this call and not to be
   *     closed; an empty stream for other types
   */
  void visit(ImageFile file, InputStream content) throws IOException, TemperException;
}
