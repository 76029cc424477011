package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/**
 * An in-toto Statement v1 about one subject identified by its SHA-256 digest.
 *
 * @param subjectName the subject's name, for images the repository
 * @param subjectSha256 the lowercase hex SHA-256 of the subject
 * @param predicateType the URI naming the predicate's schema
 * @param predicate the predicate document
 */
public record InTotoStatement(
    String subjectName, String subjectSha256, String predicateType, JsonNode predicate) {
  /** The {@code _type} of in-toto Statement v1. */
  public static final String TYPE_V1 = "https://in-toto.io/Statement/v1";

  /** The {@code _type} that cosign wrote before it moved to v1. */
  public static final String TYPE_V01 = "https://in-toto.io/Statement/v0.1";

  private static final Map<String, String> PREDICATE_TYPES =
      Map.of(
          "spdx", "https://spdx.dev/Document",
          "spdxjson", "https://spdx.dev/Document",
          "cyclonedx", "https://cyclonedx.org/bom",
          "slsaprovenance", "https://slsa.dev/provenance/v1",
          "slsaprovenance1", "https://slsa.dev/provenance/v1",
          "openvex", "https://openvex.dev/ns/v0.2.0");

  /**
   * Maps a cosign {@code --type} short name to its predicate type URI. A value that already looks
   * like a URI is returned unchanged.
   */
  public static String predicateTypeFor(String name) throws InvalidInputException {
    String known = PREDICATE_TYPES.get(name.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    if (name.startsWith("https://") || name.startsWith("http://")) {
      return name;
    }
    throw new InvalidInputException(
        "unknown predicate type '"
            + name
            + "': use spdx, cyclonedx, slsaprovenance, openvex or a URI");
  }

  /** Serializes the statement compactly, as the DSSE payload. */
  public byte[] toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("_type", TYPE_V1);
    ObjectNode subject = root.putArray("subject").addObject();
    subject.put("name", subjectName);
    subject.putObject("digest").put("sha256", subjectSha256);
    root.put("predicateType", predicateType);
    root.set("predicate", predicate);
    return Json.bytes(root);
  }

  /** Parses a v1 or v0.1 statement; the first subject with a SHA-256 digest is kept. */
  public static InTotoStatement parse(byte[] json) throws InvalidInputException {
    JsonNode root = Json.parse(json, "in-toto statement");
    String type = root.path("_type").asText("");
    if (!type.equals(TYPE_V1) && !type.equals(TYPE_V01)) {
      throw new InvalidInputException("in-toto statement: unsupported _type '" + type + "'");
    }
    for (JsonNode subject : root.path("subject")) {
      String sha256 = subject.path("digest").path("sha256").asText("");
      if (!sha256.isEmpty()) {
        return new InTotoStatement(
            subject.path("name").asText(""),
            sha256,
            root.path("predicateType").asText(""),
            root.path("predicate"));
      }
    }
    throw new InvalidInputException("in-toto statement: no subject with a sha256 digest");
  }

  /** Returns whether any subject of the statement has {@code sha256}; all subjects are checked. */
  static boolean namesSubject(byte[] json, String sha256) throws InvalidInputException {
    JsonNode root = Json.parse(json, "in-toto statement");
    for (JsonNode subject : root.path("subject")) {
      if (sha256.equals(subject.path("digest").path("sha256").asText(""))) {
        return true;
      }
    }
    return false;
  }
}
