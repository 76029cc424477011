package dev.temper.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one entry of the Debian security tracker's JSON export, {@code package -> CVE -> {
 * description, releases: { codename: { status, fixed_version, urgency, nodsa, nodsa_reason } } }},
 * into an advisory with one affected package per release.
 *
 * <p>Status mapping: {@code resolved} with fixed version {@code 0} means the release was never
 * affected and yields no entry; {@code resolved} with a version means fixed in that version; {@code
 * open} and {@code undetermined} mean affected without a fix, which {@code nodsa_reason: ignored}
 * turns into "will not fix" and {@code postponed}, or a {@code nodsa} note without a reason, into
 * "fix deferred".
 */
final class TrackerRecordReader {
  private static final Set<String> CVE_FIELDS =
      Set.of("description", "scope", "debianbug", "releases");
  private static final Set<String> RELEASE_FIELDS =
      Set.of("status", "repositories", "fixed_version", "urgency", "nodsa", "nodsa_reason");
  private static final int MAX_SUMMARY_CHARS = 500;

  private final String file;
  private final ImportReport report;
  private final Set<String> unknownCodenames = new HashSet<>();
  private String recordId = "";

  TrackerRecordReader(String file, ImportReport report) {
    this.file = file;
    this.report = report;
  }

  /** Returns the advisory for {@code cve} in {@code sourcePackage}, or empty if it affects none. */
  Optional<Advisory> read(String sourcePackage, String cve, JsonNode entry) {
    recordId = sourcePackage + "/" + cve;
    if (!entry.isObject()) {
      problem("expected a JSON object; record skipped");
      return Optional.empty();
    }
    reportUnknownFields(entry, CVE_FIELDS, "");
    List<AffectedPackage> affected = new ArrayList<>();
    for (Map.Entry<String, JsonNode> release : iterable(entry.path("releases"))) {
      affectedIn(sourcePackage, release.getKey(), release.getValue()).ifPresent(affected::add);
    }
    String description = entry.path("description").asText("").strip();
    if (description.length() > MAX_SUMMARY_CHARS) {
      description = description.substring(0, MAX_SUMMARY_CHARS);
    }
    return Optional.of(
        new Advisory(
            cve,
            List.of(),
            List.of(),
            description,
            Optional.empty(),
            false,
            Severity.UNKNOWN,
            "",
            affected));
  }

  private Optional<AffectedPackage> affectedIn(String name, String codename, JsonNode release) {
    Optional<String> number = Release.debianVersionOf(codename);
    if (number.isEmpty()) {
      if (unknownCodenames.add(codename)) {
        problem("unknown Debian release '" + codename + "'; its entries are skipped");
      }
      return Optional.empty();
    }
    reportUnknownFields(release, RELEASE_FIELDS, "releases." + codename + ".");
    Severity severity =
        Severity.fromLabel(release.path("urgency").asText("")).orElse(Severity.UNKNOWN);
    String status = release.path("status").asText("");
    List<RangeEvent> range = new ArrayList<>();
    range.add(new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"));
    FixStatus unfixed = FixStatus.UNFIXED;
    switch (status) {
      case "resolved" -> {
        String fixed = release.path("fixed_version").asText("");
        if (fixed.equals("0")) {
          return Optional.empty();
        }
        if (!validVersion(fixed, codename)) {
          return Optional.empty();
        }
        range.add(new RangeEvent(RangeEvent.Kind.FIXED, fixed));
      }
      case "open", "undetermined" -> unfixed = unfixedStatus(release);
      default -> {
        problem("unknown status '" + status + "' in " + codename + "; entry skipped");
        return Optional.empty();
      }
    }
    return Optional.of(
        new AffectedPackage(
            Ecosystem.DEBIAN,
            number.get(),
            name,
            List.of(),
            List.of(range),
            List.of(),
            unfixed,
            severity));
  }

  private static FixStatus unfixedStatus(JsonNode release) {
    String reason = release.path("nodsa_reason").asText("");
    if (reason.equals("ignored")) {
      return FixStatus.WILL_NOT_FIX;
    }
    if (reason.equals("postponed") || !release.path("nodsa").asText("").isBlank()) {
      return FixStatus.FIX_DEFERRED;
    }
    return FixStatus.UNFIXED;
  }

  private boolean validVersion(String version, String codename) {
    try {
      VersionScheme.DEBIAN.validate(version);
      return true;
    } catch (IllegalArgumentException e) {
      problem(e.getMessage() + " as fixed version in " + codename + "; entry skipped");
      return false;
    }
  }

  private void reportUnknownFields(JsonNode node, Set<String> known, String prefix) {
    node.fieldNames()
        .forEachRemaining(
            field -> {
              if (!known.contains(field)) {
                problem("unknown field '" + prefix + field + "' ignored");
              }
            });
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private void problem(String message) {
    report.problem(file, recordId, message);
  }
}
