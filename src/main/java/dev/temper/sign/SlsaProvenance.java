package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds a SLSA provenance v1 predicate from plain values, so that callers need not depend on the
 * build classes.
 *
 * @param buildType the URI naming the build's template and the meaning of its parameters
 * @param externalParameters the inputs the user controlled, for temper the spec
 * @param dependencies the artifacts the build read
 * @param builderId the URI of the builder that ran the build
 */
public record SlsaProvenance(
    String buildType,
    JsonNode externalParameters,
    List<Dependency> dependencies,
    String builderId) {

  /**
   * One resolved dependency.
   *
   * @param name a name for people, such as {@code libc6_2.36-9_amd64.deb}
   * @param uri where it was fetched from
   * @param sha256 the lowercase hex SHA-256 of its bytes
   */
  public record Dependency(String name, String uri, String sha256) {}

  public SlsaProvenance {
    dependencies = List.copyOf(dependencies);
  }

  /** Returns the predicate as a JSON tree: {@code buildDefinition} and {@code runDetails}. */
  public JsonNode toPredicate() {
    ObjectNode predicate = Json.MAPPER.createObjectNode();
    ObjectNode definition = predicate.putObject("buildDefinition");
    definition.put("buildType", buildType);
    definition.set("externalParameters", externalParameters);
    ArrayNode resolved = definition.putArray("resolvedDependencies");
    for (Dependency dependency : dependencies) {
      ObjectNode entry = resolved.addObject();
      entry.put("name", dependency.name());
      entry.put("uri", dependency.uri());
      entry.putObject("digest").put("sha256", dependency.sha256());
    }
    predicate.putObject("runDetails").putObject("builder").put("id", builderId);
    return predicate;
  }
}
