package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
   * One resolved dependency, an in-toto ResourceDescriptor.
   *
   * @param name a name for people, such as {@code libc6_2.36-9_amd64.deb}
   * @param uri where it was fetched from, or a package URL; empty to leave it out
   * @param sha256 the lowercase hex SHA-256 of its bytes
   * @param annotations further facts about it, such as the suite it came from
   */
  public record Dependency(
      String name, String uri, String sha256, Map<String, String> annotations) {
    public Dependency {
      annotations = Map.copyOf(annotations);
    }

    /** Creates a dependency without annotations. */
    public Dependency(String name, String uri, String sha256) {
      this(name, uri, sha256, Map.of());
    }
  }

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
      if (!dependency.uri().isEmpty()) {
        entry.put("uri", dependency.uri());
      }
      entry.putObject("digest").put("sha256", dependency.sha256());
      if (!dependency.annotations().isEmpty()) {
        ObjectNode annotations = entry.putObject("annotations");
        new TreeMap<>(dependency.annotations()).forEach(annotations::put);
      }
    }
    predicate.putObject("runDetails").putObject("builder").put("id", builderId);
    return predicate;
  }
}
