package dev.temper.oci.image;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options of {@link ImageFiles#walk}.
 *
 * @param limits the bounds on entries and sizes
 * @param warnings receives each skipped entry
 * @param verifyDiffIds whether each layer's uncompressed digest is checked against the config's
 *     diff ID
 */
public record WalkOptions(
    WalkLimits limits, Consumer<WalkWarning> warnings, boolean verifyDiffIds) {
  private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

  /** Default limits, diff ID checks, and warnings logged through SLF4J. */
  public static final WalkOptions DEFAULT =
      new WalkOptions(WalkLimits.DEFAULT, warning -> LOG.warn("{}", warning), true);

  /** Returns a copy that sends warnings to the listener. */
  public WalkOptions withWarnings(Consumer<WalkWarning> listener) {
    return new WalkOptions(limits, listener, verifyDiffIds);
  }

  /** Returns a copy with other limits. */
  public WalkOptions withLimits(WalkLimits newLimits) {
    return new WalkOptions(newLimits, warnings, verifyDiffIds);
  }
}
