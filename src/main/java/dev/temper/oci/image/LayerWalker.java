package dev.temper.oci.image;

import dev.temper.archive.EntryType;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Visits the visible entries of one layer's tar, applying the marks of the layers above it. */
final class LayerWalker {
  private static final String WHITEOUT_PREFIX = ".wh.";
  private static final String OPAQUE_MARKER = ".wh..wh..opq";
  private static final InputStream EMPTY = InputStream.nullInputStream();

  private final String source;
  private final int layerIndex;
  private final Descriptor layer;
  private final ShadowState shadows;
  private final WalkOptions options;
  private final long[] entryCount;

  LayerWalker(
      String source,
      int layerIndex,
      Descriptor layer,
      ShadowState shadows,
      WalkOptions options,
      long[] entryCount) {
    this.source = source;
    this.layerIndex = layerIndex;
    this.layer = layer;
    this.shadows = shadows;
    this.options = options;
    this.entryCount = entryCount;
  }

  /** Reads the tar to its end, giving each visible entry to the visitor. */
  void walk(TarArchiveInputStream tar, ImageFileVisitor visitor)
      throws IOException, TemperException {
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (++entryCount[0] > options.limits().maxEntries()) {
        throw new InvalidInputException(
            where() + ": more than " + options.limits().maxEntries() + " entries in the image");
      }
      ImageFile file = toImageFile(entry);
      if (file != null) {
        visit(visitor, file, file.type() == EntryType.FILE ? new LayerContent(tar) : EMPTY);
      }
    }
  }

  /** Returns the entry as an image file when it is visible and valid, else null. */
  private ImageFile toImageFile(TarArchiveEntry entry) {
    String name = entry.getName();
    if (name.length() > options.limits().maxPathLength()) {
      warn(name.substring(0, 200) + "...", "path longer than " + options.limits().maxPathLength());
      return null;
    }
    String path;
    try {
      path = TarPaths.normalize(name);
    } catch (IllegalArgumentException e) {
      warn(name, e.getMessage());
      return null;
    }
    if (path.isEmpty()) {
      return null; // the root directory itself
    }

    String base = TarPaths.baseName(path);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      recordWhiteout(name, path, base);
      return null;
    }
    if (shadows.hidden(path)) {
      return null;
    }

    EntryType type = typeOf(entry);
    if (!shadows.add(path, type == EntryType.DIRECTORY)) {
      warn(name, "duplicate entry in one layer, the first one is kept");
      return null;
    }
    if (type == null) {
      warn(name, unsupportedType(entry));
      return null;
    }
    String linkTarget;
    try {
      linkTarget = linkTarget(entry, type);
    } catch (IllegalArgumentException e) {
      warn(name, "hard link target '" + entry.getLinkName() + "': " + e.getMessage());
      return null;
    }

    return new ImageFile(
        path,
        type,
        entry.getMode() & 07777,
        (int) Math.min(Integer.MAX_VALUE, entry.getLongUserId()),
        (int) Math.min(Integer.MAX_VALUE, entry.getLongGroupId()),
        linkTarget,
        type == EntryType.FILE ? entry.getRealSize() : 0,
        layerIndex,
        layer.digest());
  }

  // NOTE: a hard link names a path of its own layer. When an upper layer replaced that path, the
  // final view's entry at the target is not the linked content, and visitors see only the name.
  /** Returns a symlink's target as written or a hard link's in normal form, else null. */
  private static String linkTarget(TarArchiveEntry entry, EntryType type) {
    return switch (type) {
      case SYMLINK -> entry.getLinkName();
      case HARDLINK -> TarPaths.normalize(entry.getLinkName());
      default -> null;
    };
  }

  private void recordWhiteout(String name, String path, String base) {
    String parent = TarPaths.parent(path);
    if (base.equals(OPAQUE_MARKER)) {
      shadows.opaque(parent);
    } else if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
      warn(name, "unknown whiteout metadata entry");
    } else if (base.length() == WHITEOUT_PREFIX.length()) {
      warn(name, "whiteout without a name");
    } else {
      shadows.whiteout(TarPaths.join(parent, base.substring(WHITEOUT_PREFIX.length())));
    }
  }

  private static EntryType typeOf(TarArchiveEntry entry) {
    if (entry.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    if (entry.isSymbolicLink()) {
      return EntryType.SYMLINK;
    }
    if (entry.isLink()) {
      return EntryType.HARDLINK;
    }
    // TarArchiveEntry.isFile() is true for every type but directories, devices included.
    return switch (entry.getLinkFlag()) {
      case TarConstants.LF_NORMAL,
              TarConstants.LF_OLDNORM,
              TarConstants.LF_CONTIG,
              TarConstants.LF_GNUTYPE_SPARSE ->
          EntryType.FILE;
      default -> null;
    };
  }

  private static String unsupportedType(TarArchiveEntry entry) {
    if (entry.isCharacterDevice()) {
      return "character device";
    }
    if (entry.isBlockDevice()) {
      return "block device";
    }
    if (entry.isFIFO()) {
      return "FIFO";
    }
    return "unsupported tar entry type '" + (char) entry.getLinkFlag() + "'";
  }

  private void visit(ImageFileVisitor visitor, ImageFile file, InputStream content)
      throws IOException, TemperException {
    try {
      visitor.visit(file, content);
    } catch (IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof LayerReadException layerFailure) {
          throw (IOException) layerFailure.getCause();
        }
      }
      throw new VisitorIOException(e);
    }
  }

  private void warn(String path, String problem) {
    options.warnings().accept(new WalkWarning(source, layerIndex, layer.digest(), path, problem));
  }

  private String where() {
    return source + " layer " + layerIndex + " " + layer.digest();
  }

  /** Marks an exception thrown by the visitor, so that it is not reported as a bad layer. */
  static final class VisitorIOException extends IOException {
    private static final long serialVersionUID = 1L;

    VisitorIOException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Marks a failure to read the layer inside the visitor, so that it is reported as one. */
  private static final class LayerReadException extends IOException {
    private static final long serialVersionUID = 1L;

    LayerReadException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Hands the tar stream to a visitor, which must not close it, and marks its read failures. */
  private static final class LayerContent extends java.io.FilterInputStream {
    LayerContent(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new LayerReadException(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (IOException e) {
        throw new LayerReadException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new LayerReadException(e);
      }
    }

    @Override
    public void close() {}
  }
}
