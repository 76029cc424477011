package dev.temper.archive;

/**
 * Bounds on what reading one tar stream may cost, so that a hostile archive cannot exhaust memory
 * or disk. Exceeding any of them is an error in every {@link TarPolicy}, never a skipped entry.
 *
 * @param maxEntrySize the maximum size of one entry's content in bytes
 * @param maxTotalBytes the maximum number of decompressed bytes of the whole stream, headers and
 *     padding included
 * @param maxEntries the maximum number of entries, skipped ones included
 * @param maxPathLength the maximum length of an entry path or link target in characters
 * @param maxPaxHeaderSize the maximum size in bytes of one PAX or GNU long-name header entry, which
 *     the tar library holds in memory
 * @param maxCompressionRatio the maximum ratio of decompressed to compressed bytes
 * @param ratioFloorBytes the number of decompressed bytes below which the ratio is not checked, so
 *     that small, very compressible archives pass
 */
public record TarLimits(
    long maxEntrySize,
    long maxTotalBytes,
    int maxEntries,
    int maxPathLength,
    int maxPaxHeaderSize,
    int maxCompressionRatio,
    long ratioFloorBytes) {

  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  public TarLimits {
    if (maxEntrySize < 0
        || maxTotalBytes < 0
        || maxEntries < 0
        || maxPathLength < 1
        || maxPaxHeaderSize < 512
        || maxCompressionRatio < 1
        || ratioFloorBytes < 0) {
      throw new IllegalArgumentException("invalid tar limits " + this);
    }
  }

  /**
   * Returns limits that real Debian packages and image layers stay well inside: 4 GiB per entry, 32
   * GiB in total, one million entries, 4096-character paths, 1 MiB PAX headers, and a ratio of 250
   * once 64 MiB have been decompressed.
   */
  public static TarLimits defaults() {
    return new TarLimits(4 * GIB, 32 * GIB, 1_000_000, 4096, (int) MIB, 250, 64 * MIB);
  }

  /** Returns a copy with another maximum entry size in bytes. */
  public TarLimits withMaxEntrySize(long bytes) {
    return new TarLimits(
        bytes,
        maxTotalBytes,
        maxEntries,
        maxPathLength,
        maxPaxHeaderSize,
        maxCompressionRatio,
        ratioFloorBytes);
  }

  /** Returns a copy with another maximum of decompressed bytes in total. */
  public TarLimits withMaxTotalBytes(long bytes) {
    return new TarLimits(
        maxEntrySize,
        bytes,
        maxEntries,
        maxPathLength,
        maxPaxHeaderSize,
        maxCompressionRatio,
        ratioFloorBytes);
  }

  /** Returns a copy with another maximum number of entries. */
  public TarLimits withMaxEntries(int count) {
    return new TarLimits(
        maxEntrySize,
        maxTotalBytes,
        count,
        maxPathLength,
        maxPaxHeaderSize,
        maxCompressionRatio,
        ratioFloorBytes);
  }

  /** Returns a copy with another maximum path length in characters. */
  public TarLimits withMaxPathLength(int length) {
    return new TarLimits(
        maxEntrySize,
        maxTotalBytes,
        maxEntries,
        length,
        maxPaxHeaderSize,
        maxCompressionRatio,
        ratioFloorBytes);
  }

  /** Returns a copy with another maximum PAX or long-name header size in bytes. */
  public TarLimits withMaxPaxHeaderSize(int bytes) {
    return new TarLimits(
        maxEntrySize,
        maxTotalBytes,
        maxEntries,
        maxPathLength,
        bytes,
        maxCompressionRatio,
        ratioFloorBytes);
  }

  /** Returns a copy with another compression ratio cap, checked past {@code floorBytes}. */
  public TarLimits withMaxCompressionRatio(int ratio, long floorBytes) {
    return new TarLimits(
        maxEntrySize,
        maxTotalBytes,
        maxEntries,
        maxPathLength,
        maxPaxHeaderSize,
        ratio,
        floorBytes);
  }
}
