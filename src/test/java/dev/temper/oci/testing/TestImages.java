package dev.temper.oci.testing;

import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.layout.OciLayoutWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes small images for tests through {@link OciLayoutWriter}. */
public final class TestImages {
  private TestImages() {}

  /** Returns a linux/amd64 config whose diff IDs are the SHA-256 of the given layer tars. */
  public static ImageConfig config(List<byte[]> layerTars) {
    List<Digest> diffIds = new ArrayList<>();
    for (byte[] tar : layerTars) {
      diffIds.add(Digest.sha256(tar));
    }
    ImageConfig.RunConfig run =
        new ImageConfig.RunConfig(
            "65532", null, List.of("PATH=/usr/bin"), List.of("/app"), null, null, "/", null, null);
    return new ImageConfig(
        "1970-01-01T00:00:00Z",
        null,
        "amd64",
        "linux",
        null,
        run,
        new ImageConfig.RootFs("layers", diffIds),
        List.of());
  }

  /**
   * Writes a gzip-compressed image of the given layer tars, bottom first, and returns its
   * manifest's descriptor. The caller tags it and commits.
   */
  public static Descriptor write(OciLayoutWriter writer, List<byte[]> layerTars)
      throws IOException {
    return write(writer, layerTars, TarBuilder::gzip, MediaTypes.OCI_LAYER_GZIP);
  }

  /** Writes an image whose layers are compressed by the function and have the media type. */
  public static Descriptor write(
      OciLayoutWriter writer,
      List<byte[]> layerTars,
      java.util.function.UnaryOperator<byte[]> compress,
      String mediaType)
      throws IOException {
    List<Descriptor> layers = new ArrayList<>();
    for (byte[] tar : layerTars) {
      layers.add(writer.writeBlob(mediaType, compress.apply(tar)));
    }
    Descriptor config = writer.writeConfig(config(layerTars));
    return writer.writeManifest(ImageManifest.oci(config, layers, Map.of()));
  }
}
