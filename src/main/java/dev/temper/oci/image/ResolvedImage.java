package dev.temper.oci.image;

import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import java.util.Optional;

/**
 * The documents of an image after the platform was chosen: the document the reference names (a
 * manifest or an index), the selected manifest and its config. Each comes with the exact bytes it
 * was read from, so digests are taken from the original and never from a re-serialised copy.
 *
 * @param root the descriptor of the document the reference names
 * @param rootBytes its bytes
 * @param index the parsed index when the root is one, else null
 * @param manifestDescriptor the descriptor of the selected platform's manifest (the root itself
 *     when the root is a manifest)
 * @param manifestBytes its bytes
 * @param manifest the parsed manifest
 * @param configBytes the bytes of the image config
 * @param config the parsed config
 */
public record ResolvedImage(
    Descriptor root,
    byte[] rootBytes,
    ImageIndex index,
    Descriptor manifestDescriptor,
    byte[] manifestBytes,
    ImageManifest manifest,
    byte[] configBytes,
    ImageConfig config) {

  /** Returns the index when the reference names one. */
  public Optional<ImageIndex> indexIfAny() {
    return Optional.ofNullable(index);
  }
}
