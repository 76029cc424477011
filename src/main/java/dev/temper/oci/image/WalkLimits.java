package dev.temper.oci.image;

/**
 * Bounds on what {@link ImageFiles#walk} reads from an untrusted image. Exceeding one fails the
 * walk with an {@link dev.temper.error.InvalidInputException} that names the limit.
 *
 * @param maxEntries the total number of tar entries over all layers
 * @param maxPathLength the length of an entry path in characters
 * @param maxLayerBytes the uncompressed size of one layer in bytes
 * @param maxExpansionRatio how many times its compressed size a layer may grow when decompressed,
 *     checked only once a layer has passed {@code ratioFloorBytes}
 * @param ratioFloorBytes the uncompressed size below which the ratio is not checked
 */
public record WalkLimits(
    long maxEntries,
    int maxPathLength,
    long maxLayerBytes,
    long maxExpansionRatio,
    long ratioFloorBytes) {

  // NOTE: these defaults are judgment calls: a large JDK or distribution image has around 100k
  // entries and layers of a few GiB, and gzip cannot exceed a ratio of about 1032.
  /** Limits that real images stay well within. */
  public static final WalkLimits DEFAULT =
      new WalkLimits(2_000_000, 4096, 64L << 30, 2000, 256L << 20);
}
