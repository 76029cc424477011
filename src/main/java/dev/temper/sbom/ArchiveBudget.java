package dev.temper.sbom;

/** Counts entries and inflated bytes for one archive in the image and throws past the limits. */
final class ArchiveBudget {
  /**
   * Thrown when an archive exceeds a limit; the message names it. An IOException, so it passes
   * through the zip reader's own reads unchanged.
   */
  static class LimitExceeded extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }

  /**
   * Thrown when one archive level inflates far more than it reads: that archive is a zip bomb, and
   * the archive holding it may still be read on.
   */
  static final class ZipBomb extends LimitExceeded {
    private static final long serialVersionUID = 1L;
    private final transient Object level;

    ZipBomb(String message, Object level) {
      super(message);
      this.level = level;
    }

    /** Returns the archive level whose ratio was exceeded. */
    Object level() {
      return level;
    }
  }

  private final ArchiveLimits limits;
  private long entries;
  private long inflated;

  ArchiveBudget(ArchiveLimits limits) {
    this.limits = limits;
  }

  ArchiveLimits limits() {
    return limits;
  }

  void entry() throws LimitExceeded {
    if (++entries > limits.maxEntries()) {
      throw new LimitExceeded("more than " + limits.maxEntries() + " zip entries");
    }
  }

  /**
   * Counts inflated bytes of one archive level and checks the totals.
   *
   * @param levelInflated the bytes inflated so far at this level
   * @param levelCompressed the compressed bytes read so far at this level
   */
  void inflated(long n, long levelInflated, long levelCompressed, Object level)
      throws LimitExceeded {
    inflated += n;
    if (inflated > limits.maxInflatedBytes()) {
      throw new LimitExceeded("more than " + limits.maxInflatedBytes() + " bytes inflated");
    }
    if (levelInflated > limits.ratioGraceBytes()
        && levelInflated > limits.maxRatio() * Math.max(levelCompressed, 1)) {
      throw new ZipBomb(
          "zip bomb: "
              + levelInflated
              + " bytes inflated from "
              + levelCompressed
              + ", a ratio above "
              + limits.maxRatio(),
          level);
    }
  }
}
