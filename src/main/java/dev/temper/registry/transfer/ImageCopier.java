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
import java.util.List;
import java.util.Optional;
import dev.temper.registry.Repository;

/**
 * Copies an image between any source and target, byte for byte, so every digest stays the same.
 * An index is copied whole with all its platforms, or reduced to the one manifest that the platform
 * selects, which then becomes the copied root. Blobs go first, then child manifests, then the root,
 * so the target never lists content it lacks.
 */
public final class ImageCopier {
  private final TransferSource source;
  private final TransferTarget target;
  private int copied;
  private int existed;
  private int mounted;
  private long bytesCopied;

  private ImageCopier(TransferSource source, TransferTarget target) {
    this.source = source;
    this.target = target;
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
    return new ImageCopier(source, target).run(allPlatforms, platform);
  }

  private CopyResult run(boolean allPlatforms, Platform platform)
      throws IOException, TemperException {
    Descriptor root = source.root();
    byte[] rootBytes = source.document(root);
    if (MediaTypes.isIndex(root.mediaType())) {
      ImageIndex index = OciJson.read(rootBytes, ImageIndex.class, source.name() + ": index");
      if (!allPlatforms) {
        root = PlatformSelector.select(index, platform, source.name());
        rootBytes = source.document(root);
        copyManifestContent(root, rootBytes);
      } else {
        for (Descriptor child : index.manifests()) {
          copyChild(child);
        }
      }
    } else if (MediaTypes.isManifest(root.mediaType())) {
      copyManifestContent(root, rootBytes);
    } else {
      throw new InvalidInputException(
          source.name() + ": cannot copy " + root.mediaType() + ", which is neither a manifest nor an index");
    }
    String destination = target.root(root, rootBytes);
    target.commit();
    return new CopyResult(root, destination, copied, existed, mounted, bytesCopied);
  }

  private void copyChild(Descriptor child) throws IOException, TemperException {
    byte[] bytes = source.document(child);
    if (MediaTypes.isManifest(child.mediaType())) {
      copyManifestContent(child, bytes);
    } else if (MediaTypes.isIndex(child.mediaType())) {
      for (Descriptor nested : OciJson.read(bytes, ImageIndex.class, source.name() + ": index " + child.digest()).manifests()) {
        copyChild(nested);
      }
    } else {
      // An entry of another type, such as an attestation, is copied as an opaque blob.
      countBlob(child);
      return;
    }
    target.manifest(child, bytes);
  }

  /** Copies the config and the layers of a manifest. */
  private void copyManifestContent(Descriptor descriptor, byte[] bytes)
      throws IOException, TemperException {
    ImageManifest manifest =
        OciJson.read(bytes, ImageManifest.class, source.name() + ": manifest " + descriptor.digest());
    List<Descriptor> blobs = new ArrayList<>();
    if (manifest.config() != null) {
      blobs.add(manifest.config());
    }
    blobs.addAll(manifest.layers());
    for (Descriptor blob : blobs) {
      countBlob(blob);
    }
  }

  private void countBlob(Descriptor blob) throws IOException, TemperException {
    if (target.hasBlob(blob)) {
      existed++;
      return;
    }
    Optional<Repository> from = source.repository();
    if (from.isPresent() && target.mountBlob(blob, from.get())) {
      mounted++;
      return;
    }
    target.putBlob(blob, source.blob(blob));
    copied++;
    bytesCopied += blob.size();
  }
}
