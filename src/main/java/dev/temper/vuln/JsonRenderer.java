package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Renders a scan report as temper's own JSON document. */
final class JsonRenderer {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private JsonRenderer() {}

  static void render(ScanReport report, String toolVersion, Writer out) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "temper " + toolVersion);
    root.put("scannedAt", report.scannedAt().toString());
    root.putObject("release")
        .put("distribution", report.release().distribution())
        .put("versionId", report.release().versionId());
    root.put("components", report.componentCount());
    ArrayNode database = root.putArray("database");
    for (SourceStatus source : report.sources()) {
      ObjectNode node = database.addObject();
      node.put("source", source.source().id());
      node.put("importedAt", source.importedAt().toString());
      node.put("ageDays", source.age(report.scannedAt()).toDays());
      node.put("records", source.recordCount());
      source.newestModified().ifPresent(newest -> node.put("newestModified", newest.toString()));
    }
    ArrayNode findings = root.putArray("findings");
    report.findings().forEach(finding -> finding(findings.addObject(), finding));
    ArrayNode suppressed = root.putArray("suppressed");
    for (Suppression suppression : report.suppressed()) {
      ObjectNode node = suppressed.addObject();
      finding(node, suppression.finding());
      node.put("reason", suppression.reason());
    }
    root.put("omittedWithoutFix", report.omittedWithoutFix());
    ArrayNode warnings = root.putArray("warnings");
    report.warnings().forEach(warnings::add);
    ObjectNode policy = root.putObject("policy");
    report.failOn().ifPresent(threshold -> policy.put("failOn", threshold.label()));
    policy.put("failed", report.policyFailed());
    JSON.writeValue(out, root);
    out.write("\n");
  }

  static void finding(ObjectNode node, Finding finding) {
    Component component = finding.component();
    node.put("id", finding.id());
    ArrayNode aliases = node.putArray("aliases");
    finding.aliases().forEach(aliases::add);
    node.put("severity", finding.severity().label());
    node.put("status", finding.status().label());
    finding.fixedVersion().ifPresent(fixed -> node.put("fixedVersion", fixed));
    ObjectNode pkg = node.putObject("package");
    pkg.put("ecosystem", component.ecosystem().name().toLowerCase(Locale.ROOT));
    pkg.put("name", component.name());
    pkg.put("version", component.version());
    pkg.put("sourceName", finding.matchedPackage());
    pkg.put("sourceVersion", finding.matchedVersion());
    pkg.put("purl", component.purl());
    pkg.put("layer", component.layer());
    pkg.put("path", component.path());
    ArrayNode sources = node.putArray("sources");
    finding.sources().stream().map(AdvisorySource::id).sorted().forEach(sources::add);
    node.put("summary", finding.summary());
  }
}
