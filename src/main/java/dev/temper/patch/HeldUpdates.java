package dev.temper.patch;

import dev.temper.build.Lock;
import dev.temper.debian.Version;
import dev.temper.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The updates that exact-version requests in a spec hold back: the pin moves that {@code
 * --move-pins} makes, and the updates that a rebuilt lock still does not install.
 */
final class HeldUpdates {
  private HeldUpdates() {}

  /**
   * Returns each pin that keeps an update out, with the version of its update.
   *
   * @throws InvalidInputException when one pin holds back updates to different versions, as a pin
   *     without an architecture can on a multi-architecture spec
   */
  static List<ApplyReport.MovedPin> pinMoves(PatchReport listing) throws InvalidInputException {
    Map<SpecPin, String> versions = new LinkedHashMap<>();
    for (PackageUpdate update : listing.updates()) {
      if (update.heldBy().isEmpty()) {
        continue;
      }
      SpecPin pin = update.heldBy().get();
      String earlier = versions.putIfAbsent(pin, update.candidateVersion());
      if (earlier != null && !earlier.equals(update.candidateVersion())) {
        throw new InvalidInputException(
            pin.location()
                + ": "
                + pin.request()
                + " holds back updates to "
                + earlier
                + " and "
                + update.candidateVersion()
                + " on different architectures; pin each architecture (name:arch=version) by"
                + " hand");
      }
    }
    List<ApplyReport.MovedPin> moves = new ArrayList<>();
    versions.forEach((pin, version) -> moves.add(new ApplyReport.MovedPin(pin, version)));
    return moves;
  }

  /** Returns the listed updates whose package the new lock pins below the candidate version. */
  static List<ApplyReport.NotApplied> notApplied(
      PatchReport listing, Lock newLock, List<ApplyReport.MovedPin> moved) {
    Map<String, Lock.Package> pins = PatchApply.byKey(newLock);
    List<ApplyReport.NotApplied> kept = new ArrayList<>();
    for (PackageUpdate update : listing.updates()) {
      Lock.Package pin =
          pins.get(update.installed().name() + ":" + update.installed().architecture());
      if (pin == null || !older(pin.version(), update.candidateVersion())) {
        continue;
      }
      boolean wasMoved =
          update.heldBy().isPresent()
              && moved.stream().anyMatch(m -> m.pin().equals(update.heldBy().get()));
      PackageUpdate listed = wasMoved ? update.withoutPin() : update;
      kept.add(new ApplyReport.NotApplied(listed, pin.version()));
    }
    return kept;
  }

  private static boolean older(String version, String than) {
    try {
      return Version.parse(version).compareTo(Version.parse(than)) < 0;
    } catch (IllegalArgumentException e) {
      // Both versions come from verified indexes, which the resolver has parsed already.
      return !version.equals(than);
    }
  }
}
