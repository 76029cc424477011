package dev.temper.vuln;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a scan report as a CycloneDX 1.6 BOM: the affected components and a vulnerabilities
 * section, one vulnerability per finding. Findings that VEX suppressed carry an {@code analysis}
 * with state {@code not_affected} or {@code resolved}; findings suppressed by an ignore entry are
 * left out, because CycloneDX has no state for an accepted risk that stays exploitable. The serial
 * number is derived from the report's content, so the same report renders the same bytes.
 */
final class CycloneDxRenderer {
  private CycloneDxRenderer() {}

  static void render(ScanReport report, String toolVersion, Writer out) throws IOException {
    ObjectNode root = JsonRenderer.JSON.createObjectNode();
    root.put("bomFormat", "CycloneDX");
    root.put("specVersion", "1.6");
    root.put("serialNumber", "urn:uuid:" + serial(report));
    root.put("version", 1);
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("timestamp", report.scannedAt().toString());
    metadata
        .putObject("tools")
        .putArray("components")
        .addObject()
        .put("type", "application")
        .put("name", "temper")
        .put("version", toolVersion);
    ArrayNode components = root.putArray("components");
    ArrayNode vulnerabilities = root.putArray("vulnerabilities");
    Map<Component, String> refs = new LinkedHashMap<>();
    for (Finding finding : report.findings()) {
      vulnerability(vulnerabilities.addObject(), finding, ref(components, refs, finding));
    }
    for (Suppression suppression : report.suppressed()) {
      if (!suppression.reason().startsWith("VEX ")) {
        continue;
      }
      Finding finding = suppression.finding();
      ObjectNode node = vulnerabilities.addObject();
      vulnerability(node, finding, ref(components, refs, finding));
      boolean fixed = suppression.reason().startsWith("VEX fixed");
      node.putObject("analysis")
          .put("state", fixed ? "resolved" : "not_affected")
          .put("detail", suppression.reason());
    }
    JsonRenderer.JSON.writeValue(out, root);
    out.write("\n");
  }

  private static String ref(ArrayNode components, Map<Component, String> refs, Finding finding) {
    Component component = finding.component();
    String existing = refs.get(component);
    if (existing != null) {
      return existing;
    }
    String ref = "component-" + (refs.size() + 1);
    refs.put(component, ref);
    ObjectNode node = components.addObject();
    node.put("type", "library");
    node.put("bom-ref", ref);
    node.put("name", component.name());
    node.put("version", component.version());
    if (!component.purl().isEmpty()) {
      node.put("purl", component.purl());
    }
    return ref;
  }

  private static void vulnerability(ObjectNode node, Finding finding, String componentRef) {
    node.put("id", finding.id());
    String source =
        finding.sources().stream().map(AdvisorySource::title).sorted().findFirst().orElse("");
    node.putObject("source").put("name", source);
    ArrayNode references = node.putArray("references");
    for (String alias : finding.aliases()) {
      references.addObject().put("id", alias).putObject("source").put("name", source);
    }
    node.putArray("ratings").addObject().put("severity", severity(finding.severity()));
    if (!finding.summary().isEmpty()) {
      node.put("description", finding.summary());
    }
    finding
        .fixedVersion()
        .ifPresent(
            fixed ->
                node.put("recommendation", "Upgrade " + finding.matchedPackage() + " to " + fixed));
    ObjectNode affects = node.putArray("affects").addObject();
    affects.put("ref", componentRef);
    affects
        .putArray("versions")
        .addObject()
        .put("version", finding.component().version())
        .put("status", "affected");
  }

  private static String severity(Severity severity) {
    return switch (severity) {
      case NEGLIGIBLE -> "info";
      case UNKNOWN -> "unknown";
      default -> severity.label();
    };
  }

  private static UUID serial(ScanReport report) {
    StringBuilder content = new StringBuilder(report.scannedAt().toString());
    report.findings().forEach(finding -> content.append('\n').append(finding));
    report.suppressed().forEach(suppression -> content.append('\n').append(suppression));
    return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8));
  }
}
