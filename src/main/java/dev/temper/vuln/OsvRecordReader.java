package dev.temper.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one OSV record (schema 1.x), already read as a JSON tree, into an {@link Advisory}. It
 * keeps the affected packages of the {@code Debian:<release>} and {@code Maven} ecosystems and
 * drops the others without a problem, because OSV exports mix ecosystems. Unknown fields, unknown
 * range types and invalid versions are reported and skipped; the rest of the record is kept.
 */
final class OsvRecordReader {
  static final Set<String> TOP_LEVEL_FIELDS =
      Set.of(
          "schema_version",
          "id",
          "modified",
          "published",
          "withdrawn",
          "aliases",
          "upstream",
          "related",
          "summary",
          "details",
          "severity",
          "affected",
          "references",
          "credits",
          "database_specific");
  private static final Set<String> AFFECTED_FIELDS =
      Set.of(
          "package", "severity", "ranges", "versions", "ecosystem_specific", "database_specific");
  private static final Set<String> RANGE_FIELDS =
      Set.of("type", "repo", "events", "database_specific");
  private static final int MAX_SUMMARY_CHARS = 500;

  private final String file;
  private final ImportReport report;
  private String id;

  OsvRecordReader(String file, ImportReport report) {
    this.file = file;
    this.report = report;
  }

  /** Returns the advisory, or empty if the record has no id and so cannot be stored. */
  Optional<Advisory> read(JsonNode record) {
    id = "";
    if (!record.isObject()) {
      problem("expected a JSON object, found " + record.getNodeType() + "; record skipped");
      return Optional.empty();
    }
    id = record.path("id").asText("");
    if (id.isBlank()) {
      problem("record has no id; skipped");
      return Optional.empty();
    }
    reportUnknownFields(record, TOP_LEVEL_FIELDS, "");
    boolean withdrawn = record.hasNonNull("withdrawn");
    Severities.Rating rating = new Severities(this::problem).rate(record);
    List<AffectedPackage> affected = withdrawn ? List.of() : affected(record.path("affected"));
    return Optional.of(
        new Advisory(
            id,
            aliases(record),
            strings(record.path("related")),
            summary(record),
            timestamp(record.path("modified")),
            withdrawn,
            rating.severity(),
            rating.vector(),
            affected));
  }

  private List<AffectedPackage> affected(JsonNode array) {
    List<AffectedPackage> packages = new ArrayList<>();
    for (JsonNode entry : array) {
      reportUnknownFields(entry, AFFECTED_FIELDS, "affected[].");
      OsvEcosystem.parse(entry.path("package").path("ecosystem").asText(""))
          .flatMap(ecosystem -> affectedPackage(entry, ecosystem))
          .ifPresent(packages::add);
    }
    return packages;
  }

  private Optional<AffectedPackage> affectedPackage(JsonNode entry, OsvEcosystem ecosystem) {
    String name = entry.path("package").path("name").asText("");
    if (name.isBlank()) {
      problem("affected package has no name; entry skipped");
      return Optional.empty();
    }
    VersionScheme scheme = VersionScheme.of(ecosystem.ecosystem());
    List<List<RangeEvent>> ranges = new ArrayList<>();
    for (JsonNode range : entry.path("ranges")) {
      ranges(range, name, scheme).ifPresent(ranges::add);
    }
    List<String> versions = new ArrayList<>();
    for (String version : strings(entry.path("versions"))) {
      if (valid(scheme, version, name)) {
        versions.add(version);
      }
    }
    if (ranges.isEmpty() && versions.isEmpty()) {
      problem("no usable range or version for " + name + "; entry skipped");
      return Optional.empty();
    }
    Severity severity = new Severities(this::problem).ratePackage(entry);
    return Optional.of(
        new AffectedPackage(
            ecosystem.ecosystem(),
            ecosystem.release(),
            name,
            binaries(entry.path("ecosystem_specific").path("binaries")),
            ranges,
            versions,
            FixStatus.UNFIXED,
            severity));
  }

  private Optional<List<RangeEvent>> ranges(JsonNode range, String name, VersionScheme scheme) {
    reportUnknownFields(range, RANGE_FIELDS, "affected[].ranges[].");
    String type = range.path("type").asText("");
    if (!type.equals("ECOSYSTEM")) {
      problem("range type '" + type + "' of " + name + " is not supported; range skipped");
      return Optional.empty();
    }
    List<RangeEvent> events = new ArrayList<>();
    for (JsonNode event : range.path("events")) {
      Optional<RangeEvent> parsed = event(event, name);
      if (parsed.isEmpty()) {
        return Optional.empty();
      }
      RangeEvent rangeEvent = parsed.get();
      if (!rangeEvent.isInitial() && !valid(scheme, rangeEvent.version(), name)) {
        return Optional.empty();
      }
      events.add(rangeEvent);
    }
    if (events.stream().noneMatch(event -> event.kind() == RangeEvent.Kind.INTRODUCED)) {
      problem("range of " + name + " has no 'introduced' event; range skipped");
      return Optional.empty();
    }
    return Optional.of(events);
  }

  private Optional<RangeEvent> event(JsonNode event, String name) {
    Iterator<String> fields = event.fieldNames();
    if (!event.isObject() || event.size() != 1) {
      problem(
          "range event of " + name + " must have exactly one field: " + event + "; range skipped");
      return Optional.empty();
    }
    String field = fields.next();
    String version = event.path(field).asText("");
    RangeEvent.Kind kind =
        switch (field) {
          case "introduced" -> RangeEvent.Kind.INTRODUCED;
          case "fixed" -> RangeEvent.Kind.FIXED;
          case "last_affected" -> RangeEvent.Kind.LAST_AFFECTED;
          case "limit" -> RangeEvent.Kind.LIMIT;
          default -> null;
        };
    if (kind == null || version.isBlank()) {
      problem("invalid range event " + event + " of " + name + "; range skipped");
      return Optional.empty();
    }
    return Optional.of(new RangeEvent(kind, version));
  }

  private boolean valid(VersionScheme scheme, String version, String name) {
    try {
      scheme.validate(version);
      return true;
    } catch (IllegalArgumentException e) {
      problem(e.getMessage() + " in " + name + "; range or version skipped");
      return false;
    }
  }

  /** Reads {@code ecosystem_specific.binaries}, as strings or as {@code {binary_name: ...}}. */
  private static List<String> binaries(JsonNode array) {
    List<String> names = new ArrayList<>();
    for (JsonNode binary : array) {
      String name = binary.isTextual() ? binary.asText() : binary.path("binary_name").asText("");
      if (!name.isBlank()) {
        names.add(name);
      }
    }
    return names;
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

  private Optional<Instant> timestamp(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
    } catch (DateTimeParseException e) {
      problem("invalid 'modified' time '" + node.asText() + "' ignored");
      return Optional.empty();
    }
  }

  private static String summary(JsonNode record) {
    String summary = record.path("summary").asText("");
    if (summary.isBlank()) {
      summary = record.path("details").asText("").strip().lines().findFirst().orElse("");
    }
    return summary.length() > MAX_SUMMARY_CHARS ? summary.substring(0, MAX_SUMMARY_CHARS) : summary;
  }

  /** Returns the aliases and the {@code upstream} ids, which both name the same vulnerability. */
  private static List<String> aliases(JsonNode record) {
    List<String> aliases = new ArrayList<>(strings(record.path("aliases")));
    for (String upstream : strings(record.path("upstream"))) {
      if (!aliases.contains(upstream)) {
        aliases.add(upstream);
      }
    }
    return aliases;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (value.isTextual() && !value.asText().isBlank()) {
        values.add(value.asText());
      }
    }
    return values;
  }

  private void problem(String message) {
    report.problem(file, id, message);
  }
}
