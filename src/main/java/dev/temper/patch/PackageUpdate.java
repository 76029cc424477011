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
 */
public record PackageUpdate(
    InstalledPackage installed,
    String candidateVersion,
    String candidateSourceVersion,
    String suite,
    List<String> cves,
    Optional<String> changelog,
    Optional<String> note) {

  public PackageUpdate {
    cves = List.copyOf(cves);
  }
}
