package dev.temper.build;

import dev.temper.archive.Compression;
import dev.temper.archive.LayerOptions;
import dev.temper.oci.reference.ImageReference;
import java.util.List;
import java.util.OptionalLong;

/**
 * How to build: where the image goes, how layers compress, the time stamped into it, and whether to
 * resolve the packages again.
 *
 * @param outputs {@code oci:} and {@code docker-archive:} references; empty for {@code
 *     oci:./out/<name>}
 * @param compression {@link Compression#GZIP} or {@link Compression#ZSTD}
 * @param sourceDateEpoch seconds since 1970 for every time in the image; empty for the lock's
 *     newest release date
 * @param updateLock whether to resolve again even when a current lock exists
 */
public record BuildOptions(
    List<ImageReference> outputs,
    Compression compression,
    OptionalLong sourceDateEpoch,
    boolean updateLock) {

  public BuildOptions {
    outputs = List.copyOf(outputs);
    if (compression != Compression.GZIP && compression != Compression.ZSTD) {
      throw new IllegalArgumentException("layers compress with gzip or zstd, not " + compression);
    }
    if (sourceDateEpoch.isPresent() && sourceDateEpoch.getAsLong() < 0) {
      throw new IllegalArgumentException("SOURCE_DATE_EPOCH must not be negative");
    }
  }

  /** Returns options for the default output, gzip layers and the lock's date. */
  public static BuildOptions defaults() {
    return new BuildOptions(List.of(), Compression.GZIP, OptionalLong.empty(), false);
  }

  LayerOptions layerOptions(long epoch) {
    return compression == Compression.ZSTD ? LayerOptions.zstd(epoch) : LayerOptions.gzip(epoch);
  }
}
