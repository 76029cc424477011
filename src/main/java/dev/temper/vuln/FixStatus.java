package dev.temper.vuln;

import java.util.Locale;

/** The fix state that a source gives for an affected package in one release. */
public enum FixStatus {
  /** A version with the fix is published. */
  FIXED,
  /** The package is affected and no fix is published yet. */
  UNFIXED,
  /** The distribution postponed the fix, for example to a point release. */
  FIX_DEFERRED,
  /** The distribution decided not to fix the issue in this release. */
  WILL_NOT_FIX,
  /** The distribution states that this release was never affected. Such entries never match. */
  NOT_AFFECTED;

  /** Returns the label used in output, such as {@code fix deferred}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
