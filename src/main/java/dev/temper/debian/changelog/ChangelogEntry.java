package dev.temper.debian.changelog;

import dev.temper.debian.Version;
import java.util.List;

/**
 * One entry of a Debian changelog: a version's header line, its change text and its trailer.
 *
 * @param source the source package named in the header
 * @param version the version of the entry
 * @param distributions the distributions, such as {@code bookworm-security}
 * @param urgency the urgency, such as {@code medium}, or null
 * @param text the change lines between the header and the trailer
 * @param maintainer the maintainer from the trailer line, or null when it is missing
 * @param date the date from the trailer line as written, or null
 * @param cves the CVE ids the text mentions, in order of first mention
 */
public record ChangelogEntry(
    String source,
    Version version,
    List<String> distributions,
    String urgency,
    String text,
    String maintainer,
    String date,
    List<String> cves) {
  public ChangelogEntry {
    distributions = List.copyOf(distributions);
    cves = List.copyOf(cves);
  }
}
