package dev.temper.archive;

/**
 * How {@link LayerWriter} writes a layer.
 *
 * @param compression {@link Compression#GZIP}, {@link Compression#ZSTD} or {@link Compression#NONE}
 * @param level the compression level: 1 to 9 for gzip, 1 to 19 for zstd; ignored for none
 * @param mtime the modification time of every entry in seconds since the epoch, such as
 *     SOURCE_DATE_EPOCH
 */
public record LayerOptions(Compression compression, int level, long mtime) {
  /** The gzip level of {@code gzip} itself, a balance of speed and size. */
  public static final int DEFAULT_GZIP_LEVEL = 6;

  /** The default level of the {@code zstd} command line tool. */
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  public LayerOptions {
    switch (compression) {
      case GZIP -> requireLevel(level, 1, 9, "gzip");
      case ZSTD -> requireLevel(level, 1, 19, "zstd");
      case NONE -> {}
      default -> throw new IllegalArgumentException("layers are not written with " + compression);
    }
    if (mtime < 0) {
      throw new IllegalArgumentException("invalid layer mtime " + mtime + ": must not be negative");
    }
  }

  /** Returns options for a gzip layer at the default level. */
  public static LayerOptions gzip(long mtime) {
    return new LayerOptions(Compression.GZIP, DEFAULT_GZIP_LEVEL, mtime);
  }

  /** Returns options for a zstd layer at the default level. */
  public static LayerOptions zstd(long mtime) {
    return new LayerOptions(Compression.ZSTD, DEFAULT_ZSTD_LEVEL, mtime);
  }

  /** Returns options for an uncompressed layer. */
  public static LayerOptions uncompressed(long mtime) {
    return new LayerOptions(Compression.NONE, 0, mtime);
  }

  /** Returns a copy with another compression level. */
  public LayerOptions withLevel(int newLevel) {
    return new LayerOptions(compression, newLevel, mtime);
  }

  private static void requireLevel(int level, int min, int max, String name) {
    if (level < min || level > max) {
      throw new IllegalArgumentException(
          "invalid " + name + " level " + level + ": expected " + min + " to " + max);
    }
  }
}
