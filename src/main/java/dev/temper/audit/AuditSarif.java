package dev.temper.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Evidence;
import dev.temper.audit.image.Level;
import java.util.List;

/**
 * Writes audit results as a SARIF 2.1.0 log: one rule per check, one result per piece of evidence.
 */
public final class AuditSarif {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AuditSarif() {}

  /** Returns the SARIF log of the failed and warned checks of one image. */
  public static String write(String imageName, List<CheckResult> results, String toolVersion) {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "temper");
    driver.put("version", toolVersion);
    ArrayNode rules = driver.putArray("rules");
    ArrayNode out = run.putArray("results");
    for (CheckResult result : results) {
      ObjectNode rule = rules.addObject();
      rule.put("id", result.id());
      rule.put("name", result.title().replaceAll("[^A-Za-z0-9]+", " ").strip().replace(' ', '-'));
      rule.putObject("shortDescription").put("text", result.title());
      rule.putObject("help").put("text", result.fix());
      if (result.dockleId() != null) {
        rule.putObject("properties").put("dockle", result.dockleId());
      }
      if (result.level() != Level.FAIL && result.level() != Level.WARN) {
        continue;
      }
      for (Evidence evidence : result.evidence()) {
        ObjectNode item = out.addObject();
        item.put("ruleId", result.id());
        item.put("level", result.level() == Level.FAIL ? "error" : "warning");
        item.putObject("message").put("text", result.title() + ": " + describe(evidence));
        ObjectNode location = item.putArray("locations").addObject();
        String uri = evidence.path() != null ? evidence.path().substring(1) : imageName;
        location.putObject("physicalLocation").putObject("artifactLocation").put("uri", uri);
      }
    }
    try {
      return JSON.writeValueAsString(log);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write SARIF", e);
    }
  }

  private static String describe(Evidence evidence) {
    String where = evidence.path() != null ? evidence.path() : evidence.configKey();
    return where + (evidence.detail() == null ? "" : " (" + evidence.detail() + ")");
  }
}
