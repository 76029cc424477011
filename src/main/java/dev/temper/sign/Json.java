package dev.temper.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;

/** The JSON reader and writer of this package, with bounds for untrusted documents. */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(96 << 20).build());
  }

  private Json() {}

  /** Parses a JSON object; anything else, or malformed text, raises an error naming the source. */
  static JsonNode parse(byte[] content, String source) throws InvalidInputException {
    JsonNode node;
    try {
      node = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(source, "document", e);
    } catch (IOException e) {
      throw new InvalidInputException(source + ": invalid JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(source + ": expected a JSON object");
    }
    return node;
  }

  /** Serializes compactly, in the insertion order of the tree's fields. */
  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
