package dev.temper.oci.image;

import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.blob.BlobIntegrityIOException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The final file view of an image: layerName a container would see after every layer is applied
 * with its whiteouts, read without extracting anything to disk.
 *
 * <p>Each layer is decompressed once. Layers are read from the top down while {@link ShadowState}
 * keeps the paths and whiteouts of the layers above, so an entry is given to the visitor only when
 * nothing above shadows it, and the first entry seen for a path is the one that wins. While a layer
 * is read, its blob digest and its diff ID are checked.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /** Walks the image with {@link WalkOptions#DEFAULT}. */
  public static void walk(ImageSource source, ImageFileVisitor visitor)
      throws IOException, TemperException {
    walk(source, visitor, WalkOptions.DEFAULT);
  }

  /**
   * Gives each entry of the image's final file view to the visitor, topmost layer first. Unsafe or
   * unrepresentable entries ({@code ..} segments, device nodes) go to the options' warning listener
   * and are skipped.
   *
   * @throws IntegrityException when a layer's digest or diff ID differs from the manifest's or
   *     config's
   * @throws InvalidInputException when a layer cannot be decompressed or read as a tar, or exceeds
   *     a limit
   * @throws IOException when the visitor fails, unchanged
   */
  public static void walk(ImageSource source, ImageFileVisitor visitor, WalkOptions options)
      throws IOException, TemperException {
    Optional<Path> rootfs = source.rootfsDirectory();
    if (rootfs.isPresent()) {
      RootfsWalker.walk(source.name(), rootfs.get(), visitor, options);
      return;
    }
    ResolvedImage image = source.image();
    List<Descriptor> layers = image.manifest().layers();
    List<Digest> diffIds =
        image.config().rootfs() == null ? List.of() : image.config().rootfs().diffIds();
    if (options.verifyDiffIds() && diffIds.size() != layers.size()) {
      throw new InvalidInputException(
          source.name()
              + ": the manifest lists "
              + layers.size()
              + " layers but the config lists "
              + diffIds.size()
              + " diff IDs");
    }
    ShadowState shadows = new ShadowState();
    long[] entryCount = new long[1];
    for (int i = layers.size() - 1; i >= 0; i--) {
      Descriptor layer = layers.get(i);
      if (!MediaTypes.isLayer(layer.mediaType())) {
        throw new InvalidInputException(
            source.name()
                + ": layer "
                + i
                + " has media type "
                + layer.mediaType()
                + ", not a layer tar");
      }
      Digest diffId = options.verifyDiffIds() ? diffIds.get(i) : null;
      LayerWalker walker = new LayerWalker(source.name(), i, layer, shadows, options, entryCount);
      walkLayer(source, layer, diffId, walker, visitor, options);
      shadows.endLayer();
    }
  }

  private static void walkLayer(
      ImageSource source,
      Descriptor layer,
      Digest diffId,
      LayerWalker walker,
      ImageFileVisitor visitor,
      WalkOptions options)
      throws IOException, TemperException {
    String layerName = source.name() + " layer " + layer.digest();
    try (CountingStream raw = new CountingStream(source.openBlob(layer))) {
      try {
        readLayer(raw, diffId, walker, visitor, options, layerName);
      } catch (LayerWalker.VisitorIOException e) {
        throw (IOException) e.getCause();
      } catch (IOException e) {
        throw failure(raw, e, layerName);
      }
    }
  }

  private static void readLayer(
      CountingStream raw,
      Digest diffId,
      LayerWalker walker,
      ImageFileVisitor visitor,
      WalkOptions options,
      String layerName)
      throws IOException, TemperException {
    try (LayerStream tarBytes =
            new LayerStream(
                Compression.decompress(new KeepOpen(raw)),
                options.limits(),
                raw::count,
                layerName);
        TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes)) {
      walker.walk(tar, visitor);
      tarBytes.drain();
      // The decompressor may stop before trailing bytes; the blob digest covers all of them.
      raw.transferTo(OutputStream.nullOutputStream());
      Digest actual = tarBytes.diffId();
      if (diffId != null && !diffId.equals(actual)) {
        throw new IntegrityException(
            layerName
                + ": diff ID mismatch, the config lists "
                + diffId
                + " but the layer has "
                + actual);
      }
    }
  }

  /**
   * Returns the error to report for a layer that could not be read. A changed byte usually breaks
   * decompression before the end of the blob, so the rest is read to report the digest mismatch,
   * the cause, when there is one.
   */
  private static TemperException failure(CountingStream raw, IOException e, String layerName)
      throws IntegrityException {
    BlobIntegrityIOException.rethrowIntegrity(e);
    if (e instanceof LayerStream.LimitExceededException) {
      return new InvalidInputException(e.getMessage(), e);
    }
    Optional<IntegrityException> mismatch = BlobIntegrityIOException.integrityOfRest(raw);
    if (mismatch.isPresent()) {
      return mismatch.get();
    }
    return new InvalidInputException(layerName + ": invalid layer: " + e.getMessage(), e);
  }

  /** Leaves the blob stream open, so that {@link #failure} can read the rest of it. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  /** Counts the compressed bytes, for the expansion ratio. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
