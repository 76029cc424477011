package dev.temper.registry.transfer;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import dev.temper.oci.image.PlatformSelector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies an image between any source and target, byte for byte, so every digest stays the same. An
 * index is copied whole with all its platforms, or reduced to the one manifest that the platform
 * selects, which then becomes the copied root. Blobs go first, several at a time, then child
 * manifests, then the root, so the target never lists content it lacks.
 */
public final class ImageCopier {
  /** How many blobs are copied at the same time when the source allows it. */
  static final int PARALLEL_BLOBS = 4;

  private final TransferSource source;
  private final Map<String, Descriptor> blobs = new LinkedHashMap<>();
  private final List<Descriptor> childManifests = new ArrayList<>();
  private final Map<String, byte[]> documents = new LinkedHashMap<>();

  private ImageCopier(TransferSource source) {
    this.source = source;
  }

  /**
   * Copies the image and commits the target.
   *
   * @param allPlatforms whether an index is copied with every platform
   * @param platform the platform to select from an index otherwise, or null for the default
   */
  public static CopyResult copy(
      TransferSource source, TransferTarget target, boolean allPlatforms, Platform platform)
      throws IOException, TemperException {
    return new ImageCopier(source).run(target, allPlatforms, platform);
  }

  private CopyResult run(TransferTarget target, boolean allPlatforms, Platform platform)
      throws IOException, TemperException {
    Descriptor root = source.root();
    byte[] rootBytes = source.document(root);
    if (MediaTypes.isIndex(root.mediaType())) {
      ImageIndex index = OciJson.read(rootBytes, ImageIndex.class, source.name() + ": index");
      if (allPlatforms) {
        for (Descriptor child : index.manifests()) {
          collectChild(child);
        }
      } else {
        root = PlatformSelector.select(index, platform, source.name());
        rootBytes = source.document(root);
        collectManifest(root, rootBytes);
      }
    } else if (MediaTypes.isManifest(root.mediaType())) {
      collectManifest(root, rootBytes);
    } else {
      throw new InvalidInputException(
          source.name()
              + ": cannot copy "
              + root.mediaType()
              + ", which is neither a manifest nor an index");
    }

    target.checkRoot(root);
    int parallelism = source.concurrentReads() ? PARALLEL_BLOBS : 1;
    BlobTransfers.Counts counts =
        BlobTransfers.run(source, target, List.copyOf(blobs.values()), parallelism);
    for (Descriptor child : childManifests) {
      target.manifest(child, documents.get(child.digest().toString()));
    }
    String destination = target.root(root, rootBytes);
    target.commit();
    return new CopyResult(
        root,
        destination,
        counts.copied(),
        counts.fromCache(),
        counts.existed(),
        counts.mounted(),
        counts.bytesCopied());
  }

  /** Collects a child of an index: a manifest, a nested index, or an opaque artifact blob. */
  private void collectChild(Descriptor child) throws IOException, TemperException {
    if (!MediaTypes.isManifest(child.mediaType()) && !MediaTypes.isIndex(child.mediaType())) {
      blobs.putIfAbsent(child.digest().toString(), child);
      return;
    }
    byte[] bytes = source.document(child);
    if (MediaTypes.isManifest(child.mediaType())) {
      collectManifest(child, bytes);
    } else {
      ImageIndex nested =
          OciJson.read(bytes, ImageIndex.class, source.name() + ": index " + child.digest());
      for (Descriptor grandchild : nested.manifests()) {
        collectChild(grandchild);
      }
    }
    // Children are stored after their own content, nested indexes after their manifests.
    if (documents.putIfAbsent(child.digest().toString(), bytes) == null) {
      childManifests.add(child);
    }
  }

  /** Collects the config and the layers of a manifest. */
  private void collectManifest(Descriptor descriptor, byte[] bytes) throws InvalidInputException {
    ImageManifest manifest =
        OciJson.read(
            bytes, ImageManifest.class, source.name() + ": manifest " + descriptor.digest());
    if (manifest.config() != null) {
      blobs.putIfAbsent(manifest.config().digest().toString(), manifest.config());
    }
    for (Descriptor layer : manifest.layers()) {
      blobs.putIfAbsent(layer.digest().toString(), layer);
    }
  }
}
