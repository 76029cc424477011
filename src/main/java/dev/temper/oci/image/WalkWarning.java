package dev.temper.oci.image;

import dev.temper.oci.Digest;

/**
 * An entry that {@link ImageFiles#walk} skipped because it is unsafe or cannot be represented.
 *
 * @param source the image's name
 * @param layerIndex the layer's index, 0 for the bottom layer
 * @param layerDigest the layer's digest, or null for a {@code dir:} source
 * @param path the entry's path as the archive wrote it
 * @param problem what is wrong with it, such as {@code '..' segment}
 */
public record WalkWarning(
    String source, int layerIndex, Digest layerDigest, String path, String problem) {

  @Override
  public String toString() {
    String where =
        layerDigest == null ? source : source + " layer " + layerIndex + " " + layerDigest;
    return where + ": skipped entry '" + path + "': " + problem;
  }
}
