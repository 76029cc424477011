package dev.temper.vuln;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One vulnerability in one installed component.
 *
 * @param id the advisory id, a CVE id when one is known
 * @param aliases the other ids of the vulnerability, such as the DSA or GHSA id
 * @param component the affected component, with the layer and file it was found in
 * @param matchedPackage the package the advisory names: the Debian source package or the Maven
 *     {@code groupId:artifactId}
 * @param matchedVersion the version that was compared: the source version for Debian
 * @param status the fix status
 * @param fixedVersion the version that fixes it, present exactly when the status is {@link
 *     FixStatus#FIXED}
 * @param severity the severity
 * @param summary a one-line description, possibly empty
 * @param sources where the advisory data came from
 */
public record Finding(
    String id,
    List<String> aliases,
    Component component,
    String matchedPackage,
    String matchedVersion,
    FixStatus status,
    Optional<String> fixedVersion,
    Severity severity,
    String summary,
    Set<AdvisorySource> sources) {
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  /** Copies the collections and checks the fields. */
  public Finding {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fixedVersion, "fixedVersion");
    if (fixedVersion.isPresent() != (status == FixStatus.FIXED)) {
      throw new IllegalArgumentException(
          "finding " + id + ": a fixed version must be given exactly when the status is fixed");
    }
    Objects.requireNonNull(severity, "severity");
    summary = Objects.requireNonNullElse(summary, "");
    sources = Set.copyOf(sources);
  }

  /** Returns the id followed by the aliases. */
  public List<String> allIds() {
    List<String> ids = new ArrayList<>();
    ids.add(id);
    ids.addAll(aliases);
    return ids;
  }

  /**
   * Returns the CVE ids among the id and aliases, including ones embedded in ids such as {@code
   * DEBIAN-CVE-2023-4911}.
   */
  public List<String> cveIds() {
    List<String> cves = new ArrayList<>();
    for (String candidate : allIds()) {
      Matcher matcher = CVE.matcher(candidate);
      while (matcher.find()) {
        if (!cves.contains(matcher.group())) {
          cves.add(matcher.group());
        }
      }
    }
    return cves;
  }

  /** Returns whether this finding has {@code vulnerability} as its id or one of its aliases. */
  public boolean isKnownAs(String vulnerability) {
    return allIds().stream().anyMatch(known -> known.equalsIgnoreCase(vulnerability))
        || cveIds().stream().anyMatch(known -> known.equalsIgnoreCase(vulnerability));
  }
}
