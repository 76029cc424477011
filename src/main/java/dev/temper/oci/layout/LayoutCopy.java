package dev.temper.oci.layout;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.blob.BlobIntegrityIOException;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Copies an image from any source into an OCI layout, byte for byte. */
public final class LayoutCopy {
  private LayoutCopy() {}

  /**
   * Copies the source's selected platform: its layers and config, checked against their descriptors
   * while they are copied, and its manifest with the original bytes, so the manifest digest stays
   * the same. An index is not copied, because only one platform's blobs are. The manifest is
   * tagged; the caller commits the writer.
   *
   * @return the descriptor of the copied manifest
   */
  public static Descriptor copy(ImageSource source, OciLayoutWriter writer, String tag)
      throws IOException, TemperException {
    ResolvedImage image = source.image();
    for (Descriptor layer : image.manifest().layers()) {
      copyBlob(source, writer, layer);
    }
    Descriptor config = image.manifest().config();
    writer.writeBlob(config, new java.io.ByteArrayInputStream(image.configBytes()));
    Descriptor written;
    if (MediaTypes.DOCKER_MANIFEST.equals(image.manifestDescriptor().mediaType())) {
      written = writer.writeManifest(toOci(image.manifest()));
    } else {
      Descriptor manifest = image.manifestDescriptor();
      written =
          writer.writeBlob(
              Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size()),
              new java.io.ByteArrayInputStream(image.manifestBytes()));
    }
    writer.tag(written, tag);
    return written;
  }

  private static ImageManifest toOci(ImageManifest docker) {
    Descriptor config = docker.config();
    Descriptor ociConfig =
        new Descriptor(
            MediaTypes.OCI_CONFIG,
            config.digest(),
            config.size(),
            config.annotations(),
            null,
            null);
    List<Descriptor> layers = new ArrayList<>();
    for (Descriptor layer : docker.layers()) {
      String mediaType =
          switch (layer.mediaType()) {
            case MediaTypes.DOCKER_LAYER -> MediaTypes.OCI_LAYER;
            case MediaTypes.DOCKER_LAYER_GZIP -> MediaTypes.OCI_LAYER_GZIP;
            default -> layer.mediaType();
          };
      layers.add(
          new Descriptor(mediaType, layer.digest(), layer.size(), layer.annotations(), null, null));
    }
    return ImageManifest.oci(ociConfig, layers, docker.annotations());
  }

  private static void copyBlob(ImageSource source, OciLayoutWriter writer, Descriptor blob)
      throws IOException, TemperException {
    try (InputStream in = source.openBlob(blob)) {
      writer.writeBlob(blob, in);
    } catch (IOException e) {
      throw new InvalidInputException(
          source.name()
              + ": cannot copy blob "
              + blob.digest()
              + ": "
              + BlobIntegrityIOException.rethrowIntegrity(e).getMessage(),
          e);
    }
  }
}
