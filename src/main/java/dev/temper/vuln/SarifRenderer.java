package dev.temper.vuln;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a scan report as a SARIF 2.1.0 log with one run: a rule per advisory and a result per
 * finding, located at the file that records the component. Levels: critical and high are {@code
 * error}, medium is {@code warning}, the rest {@code note}. Suppressed findings are included with a
 * {@code suppressions} entry, as SARIF intends, so dashboards can show them as accepted.
 */
final class SarifRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifRenderer() {}

  static void render(ScanReport report, String toolVersion, Writer out) throws IOException {
    ObjectNode root = JsonRenderer.JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "temper");
    driver.put("version", toolVersion);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode results = run.putArray("results");
    for (Finding finding : report.findings()) {
      result(results.addObject(), finding, rule(rules, ruleIndex, finding));
    }
    for (Suppression suppression : report.suppressed()) {
      ObjectNode result = results.addObject();
      result(result, suppression.finding(), rule(rules, ruleIndex, suppression.finding()));
      result
          .putArray("suppressions")
          .addObject()
          .put("kind", "external")
          .put("justification", suppression.reason());
    }
    JsonRenderer.JSON.writeValue(out, root);
    out.write("\n");
  }

  private static int rule(ArrayNode rules, Map<String, Integer> index, Finding finding) {
    Integer existing = index.get(finding.id());
    if (existing != null) {
      return existing;
    }
    ObjectNode rule = rules.addObject();
    rule.put("id", finding.id());
    String summary = finding.summary().isEmpty() ? finding.id() : finding.summary();
    rule.putObject("shortDescription").put("text", summary);
    rule.putObject("defaultConfiguration").put("level", level(finding.severity()));
    ObjectNode properties = rule.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security").add("vulnerability");
    finding.aliases().forEach(tags::add);
    index.put(finding.id(), rules.size() - 1);
    return rules.size() - 1;
  }

  private static void result(ObjectNode result, Finding finding, int ruleIndex) {
    Component component = finding.component();
    result.put("ruleId", finding.id());
    result.put("ruleIndex", ruleIndex);
    result.put("level", level(finding.severity()));
    String fix =
        finding
            .fixedVersion()
            .map(version -> "fixed in " + version)
            .orElse(finding.status().label());
    result
        .putObject("message")
        .put(
            "text",
            finding.id()
                + " ("
                + finding.severity().label()
                + ") in "
                + component.name()
                + " "
                + component.version()
                + ": "
                + fix);
    ObjectNode location = result.putArray("locations").addObject();
    if (!component.path().isEmpty()) {
      location
          .putObject("physicalLocation")
          .putObject("artifactLocation")
          .put("uri", component.path());
    }
    location
        .putArray("logicalLocations")
        .addObject()
        .put("name", component.name())
        .put("fullyQualifiedName", component.purl().isEmpty() ? component.name() : component.purl())
        .put("kind", "package");
    ObjectNode properties = result.putObject("properties");
    properties.put("severity", finding.severity().label());
    properties.put("status", finding.status().label());
    properties.put("installedVersion", component.version());
    finding.fixedVersion().ifPresent(fixed -> properties.put("fixedVersion", fixed));
    properties.put("layer", component.layer());
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }
}
