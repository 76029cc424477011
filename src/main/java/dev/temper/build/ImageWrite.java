package dev.temper.build;

import dev.temper.archive.LayerBlob;
import dev.temper.archive.LayerOptions;
import dev.temper.archive.LayerWriter;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.Platform;
import dev.temper.oci.layout.OciLayoutWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes one platform's layers, config and manifest into an OCI layout. Layers compress in parallel
 * into a work directory, then each blob is copied into the layout under the digest the layer writer
 * computed while writing.
 */
final class ImageWrite {
  private ImageWrite() {}

  /**
   * One platform's written image.
   *
   * @param architecture the Debian architecture
   * @param manifest the manifest's descriptor, with its platform
   * @param layers the written layer blobs, bottom first
   */
  record PlatformImage(String architecture, Descriptor manifest, List<LayerBlob> layers) {
    long compressedSize() {
      return layers.stream().mapToLong(LayerBlob::size).sum();
    }

    long uncompressedSize() {
      return layers.stream().mapToLong(LayerBlob::uncompressedSize).sum();
    }
  }

  static PlatformImage write(
      OciLayoutWriter layout,
      Spec spec,
      String architecture,
      List<LayerPlan.Layer> layers,
      boolean withCertificates,
      LayerOptions options,
      long sourceDateEpoch,
      Path workDirectory,
      LayerCache cache)
      throws IOException, TemperException {
    List<LayerBlob> blobs =
        writeLayers(layers, options, workDirectory.resolve(architecture), cache);
    String mediaType = layerMediaType(options);
    List<Descriptor> layerDescriptors = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    for (LayerBlob blob : blobs) {
      Descriptor expected = Descriptor.of(mediaType, blob.digest(), blob.size());
      try (InputStream in = Files.newInputStream(blob.file())) {
        layerDescriptors.add(layout.writeBlob(expected, in));
      }
      diffIds.add(blob.diffId());
    }
    List<String> names = layers.stream().map(LayerPlan.Layer::name).toList();
    ImageConfig config =
        ImageConfigs.config(spec, architecture, sourceDateEpoch, names, diffIds, withCertificates);
    Descriptor configDescriptor = layout.writeConfig(config);
    ImageManifest manifest =
        ImageManifest.oci(
            configDescriptor, layerDescriptors, ImageConfigs.annotations(spec, sourceDateEpoch));
    Descriptor written = layout.writeManifest(manifest);
    Descriptor withPlatform = written.withPlatform(Platform.linuxForDebian(architecture));
    return new PlatformImage(architecture, withPlatform, blobs);
  }

  private static List<LayerBlob> writeLayers(
      List<LayerPlan.Layer> layers, LayerOptions options, Path directory, LayerCache cache)
      throws IOException, TemperException {
    Files.createDirectories(directory);
    int threads = Math.max(1, Math.min(layers.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<LayerBlob>> futures = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        LayerPlan.Layer layer = layers.get(i);
        Path target = directory.resolve("layer-" + i);
        futures.add(pool.submit(() -> writeOrReuse(layer, target, options, cache)));
      }
      List<LayerBlob> blobs = new ArrayList<>();
      for (Future<LayerBlob> future : futures) {
        blobs.add(await(future));
      }
      return blobs;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns the cached blob of a layer with the same contents, or writes and caches it. */
  private static LayerBlob writeOrReuse(
      LayerPlan.Layer layer, Path target, LayerOptions options, LayerCache cache)
      throws IOException, TemperException {
    String key = LayerCache.key(layer.entries(), options);
    Optional<LayerBlob> cached = cache.find(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    LayerBlob written = LayerWriter.write(layer.entries(), target, options);
    LayerBlob stored = cache.store(key, written);
    Files.delete(written.file());
    return stored;
  }

  private static LayerBlob await(Future<LayerBlob> future) throws IOException, TemperException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing layers", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof TemperException temper) {
        throw temper;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("writing a layer failed: " + cause, cause);
    }
  }

  static String layerMediaType(LayerOptions options) {
    return switch (options.compression()) {
      case GZIP -> MediaTypes.OCI_LAYER_GZIP;
      case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
      default -> MediaTypes.OCI_LAYER;
    };
  }
}
