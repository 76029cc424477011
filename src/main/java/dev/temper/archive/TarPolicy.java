package dev.temper.archive;

import java.util.Objects;

/**
 * What a tar reader does with entries that could escape the root or that a file tree cannot hold:
 * paths with {@code ..} segments or a NUL, absolute paths where they are not allowed, relative
 * symlinks that resolve above the root, hard links to anything but an earlier non-directory entry,
 * device nodes, FIFOs and other special types.
 *
 * @param rejectUnsafe true to fail on the first such entry (Debian package data); false to skip it
 *     and tell the listener (image layers)
 * @param allowAbsolutePaths true to strip a leading {@code /} from entry paths and hard link
 *     targets; false to treat such a path as unsafe. A leading {@code ./} is always stripped.
 * @param limits the size bounds, which fail the read under either choice
 * @param listener receives skipped entries when {@code rejectUnsafe} is false
 */
public record TarPolicy(
    boolean rejectUnsafe,
    boolean allowAbsolutePaths,
    TarLimits limits,
    UnsafeEntryListener listener) {

  public TarPolicy {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(listener, "listener");
  }

  /** Returns the policy for the data of a Debian package: reject unsafe entries, default limits. */
  public static TarPolicy debianData() {
    return new TarPolicy(true, false, TarLimits.defaults(), UnsafeEntryListener.IGNORE);
  }

  /** Returns the policy for image layers: skip unsafe entries and report them to the listener. */
  public static TarPolicy imageLayer(UnsafeEntryListener listener) {
    return new TarPolicy(false, true, TarLimits.defaults(), listener);
  }

  /** Returns a copy with other limits. */
  public TarPolicy withLimits(TarLimits newLimits) {
    return new TarPolicy(rejectUnsafe, allowAbsolutePaths, newLimits, listener);
  }
}
