package dev.temper.sbom;

/**
 * Bounds on reading one Java archive from an image, nested archives included. Past a bound the
 * archive gets a warning and the rest of the image is still read.
 *
 * @param maxDepth how many archives deep nesting is followed; the image file itself is depth 1
 * @param maxEntries the most zip entries read for one archive in the image, nested ones included
 * @param maxInflatedBytes the most bytes inflated for one archive in the image
 * @param maxRatio the largest ratio of inflated to compressed bytes within one archive, checked
 *     once more than {@code ratioGraceBytes} have been inflated
 * @param ratioGraceBytes the inflated bytes allowed before the ratio is checked
 * @param maxArchiveBytes the largest archive file read at all
 */
public record ArchiveLimits(
    int maxDepth,
    long maxEntries,
    long maxInflatedBytes,
    int maxRatio,
    long ratioGraceBytes,
    long maxArchiveBytes) {

  /** Limits that fit real fat JARs and WARs several hundred MiB large. */
  public static final ArchiveLimits DEFAULT =
      new ArchiveLimits(8, 500_000, 8L << 30, 100, 64L << 20, 4L << 30);
}
