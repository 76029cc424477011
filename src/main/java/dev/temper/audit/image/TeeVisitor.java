package dev.temper.audit.image;

import dev.temper.archive.EntryType;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageFile;
import dev.temper.oci.image.ImageFileVisitor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Gives each entry of one walk to two visitors, so an audit and an inventory cost one pass over the
 * layers. Files up to {@link #MAX_SHARED_BYTES} are buffered and both visitors read them; a larger
 * file's stream goes to the first visitor only, and the second gets an empty stream, which suits
 * {@link FileFacts}: it reads nothing of large files.
 */
public final class TeeVisitor implements ImageFileVisitor {
  /** Files at most this large are read by both visitors. */
  static final int MAX_SHARED_BYTES = 4 << 20;

  private final ImageFileVisitor first;
  private final ImageFileVisitor second;

  public TeeVisitor(ImageFileVisitor first, ImageFileVisitor second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public void visit(ImageFile file, InputStream content) throws IOException, TemperException {
    if (file.type() != EntryType.FILE || file.size() > MAX_SHARED_BYTES) {
      first.visit(file, content);
      second.visit(file, InputStream.nullInputStream());
      return;
    }
    byte[] bytes = content.readNBytes(MAX_SHARED_BYTES + 1);
    first.visit(file, new ByteArrayInputStream(bytes));
    second.visit(file, new ByteArrayInputStream(bytes));
  }
}
