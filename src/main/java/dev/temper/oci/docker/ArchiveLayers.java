package dev.temper.oci.docker;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.image.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the layer descriptors of an image in a {@code docker save} archive. */
final class ArchiveLayers {
  private ArchiveLayers() {}

  /**
   * Describes each layer member. An uncompressed layer's digest is its diff ID, checked when the
   * blob is read. A compressed layer, which {@code docker load} also accepts, is hashed here once,
   * because its stored digest appears nowhere in the archive.
   *
   * @param blobs receives the member of each described blob
   */
  static List<Descriptor> describe(
      FileChannel channel,
      TarIndex index,
      List<String> layerNames,
      List<Digest> diffIds,
      Map<Digest, TarIndex.Member> blobs,
      String name)
      throws IOException, InvalidInputException {
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < layerNames.size(); i++) {
      String layerName = layerNames.get(i);
      TarIndex.Member member =
          index
              .find(layerName)
              .orElseThrow(
                  () -> new NotFoundException(name + ": layer member " + layerName + " not found"));
      Compression compression = ArchiveMagic.compressionAt(channel, member.offset());
      Descriptor layer =
          switch (compression) {
            case NONE -> Descriptor.of(MediaTypes.DOCKER_LAYER, diffIds.get(i), member.size());
            case GZIP ->
                Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, hash(channel, member), member.size());
            case ZSTD ->
                Descriptor.of(MediaTypes.OCI_LAYER_ZSTD, hash(channel, member), member.size());
          };
      blobs.put(layer.digest(), member);
      layers.add(layer);
    }
    return List.copyOf(layers);
  }

  private static Digest hash(FileChannel channel, TarIndex.Member member) throws IOException {
    MessageDigest hasher = Digest.sha256Hasher();
    try (InputStream in = TarIndex.open(channel, member)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        hasher.update(buffer, 0, n);
      }
    }
    return Digest.sha256Of(hasher);
  }
}
