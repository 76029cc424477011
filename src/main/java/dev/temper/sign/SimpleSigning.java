package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cosign simple-signing payload: the claim that an image manifest digest was signed, under the
 * {@code critical} object, with optional string annotations under {@code optional}.
 *
 * @param dockerReference the repository the signer named, {@code
 *     critical.identity.docker-reference}
 * @param manifestDigest the signed manifest, {@code critical.image.docker-manifest-digest}
 * @param type {@code critical.type}, which must be {@link #TYPE} to count as an image signature
 * @param annotations the {@code optional} strings, empty when the payload has {@code null}
 */
public record SimpleSigning(
    String dockerReference, String manifestDigest, String type, Map<String, String> annotations) {
  /** The only {@code critical.type} cosign accepts. */
  public static final String TYPE = "cosign container image signature";

  /** The layer media type of a simple-signing payload in a signature manifest. */
  public static final String MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";

  public SimpleSigning {
    annotations = Map.copyOf(annotations);
  }

  /** Creates the payload for signing {@code manifestDigest}. */
  public static SimpleSigning of(
      String dockerReference, String manifestDigest, Map<String, String> annotations) {
    return new SimpleSigning(dockerReference, manifestDigest, TYPE, annotations);
  }

  /** Serializes the payload compactly, with annotations sorted by key, as the bytes to sign. */
  public byte[] toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode critical = root.putObject("critical");
    critical.putObject("identity").put("docker-reference", dockerReference);
    critical.putObject("image").put("docker-manifest-digest", manifestDigest);
    critical.put("type", type);
    if (annotations.isEmpty()) {
      root.putNull("optional");
    } else {
      ObjectNode optional = root.putObject("optional");
      new TreeMap<>(annotations).forEach(optional::put);
    }
    return Json.bytes(root);
  }

  /** Parses a payload; non-string annotation values are kept as their JSON text. */
  public static SimpleSigning parse(byte[] payload) throws InvalidInputException {
    JsonNode root = Json.parse(payload, "simple-signing payload");
    JsonNode critical = root.path("critical");
    String digest = critical.path("image").path("docker-manifest-digest").asText("");
    if (digest.isEmpty()) {
      throw new InvalidInputException(
          "simple-signing payload: critical.image.docker-manifest-digest is missing");
    }
    String reference = critical.path("identity").path("docker-reference").asText("");
    String type = critical.path("type").asText("");
    Map<String, String> annotations = new LinkedHashMap<>();
    JsonNode optional = root.path("optional");
    if (optional.isObject()) {
      optional
          .fields()
          .forEachRemaining(
              field ->
                  annotations.put(
                      field.getKey(),
                      field.getValue().isTextual()
                          ? field.getValue().asText()
                          : field.getValue().toString()));
    }
    return new SimpleSigning(reference, digest, type, annotations);
  }
}
