package dev.temper.patch;

import java.util.List;
import java.util.Optional;

/**
 * One installed package that the repositories have a newer version of.
 *
 * @param installed the package as installed
 * @param candidateVersion the version the repositories offer
 * @param candidateSourceVersion the source version of the candidate
 * @param suite the suite that offers the candidate, such as {@code bookworm-security}
 * @param cves the CVE ids named by the changelog entries between the installed and the candidate
 *     source version, in changelog order. Empty when they name none or no changelog was found.
 * @param changelog where the changelog was read, such as {@code
 *     libc6_2.36-9+deb12u10_amd64.deb:usr/share/doc/libc6/changelog.Debian.gz}, or empty
 * @param note why no changelog was read, or empty
 * @param heldBy the request in the spec that pins the installed version. Applying the update then
 *     needs a change to the spec. Empty for an image, or for a package that the spec does not pin.
 */
public record PackageUpdate(
    InstalledPackage installed,
    String candidateVersion,
    String candidateSourceVersion,
    String suite,
    List<String> cves,
    Optional<String> changelog,
    Optional<String> note,
    Optional<SpecPin> heldBy) {

  public PackageUpdate {
    cves = List.copyOf(cves);
  }

  /** Returns this update as held by {@code pin}. */
  PackageUpdate heldBy(SpecPin pin) {
    return new PackageUpdate(
        installed,
        candidateVersion,
        candidateSourceVersion,
        suite,
        cves,
        changelog,
        note,
        Optional.of(pin));
  }

  /** Returns this update without its pin, for a pin that was moved. */
  PackageUpdate withoutPin() {
    return new PackageUpdate(
        installed,
        candidateVersion,
        candidateSourceVersion,
        suite,
        cves,
        changelog,
        note,
        Optional.empty());
  }
}
