package dev.temper.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads and writes OCI JSON documents. Output is compact, with fields in the order the records
 * declare and maps sorted by key, so the same value always gives the same bytes and digest.
 */
public final class OciJson {
  /** Manifests, indexes and configs larger than this are rejected, as registries do. */
  public static final int MAX_DOCUMENT_BYTES = 4 << 20;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .maxNestingDepth(64)
                .build());
  }

  private OciJson() {}

  /** Returns the shared mapper, for callers that read other JSON documents of an image. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises a value to its canonical bytes. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Parses a document.
   *
   * @param what names the document in the error, such as a file name or digest
   * @throws InvalidInputException when the bytes are too large or not a valid document of the type
   */
  public static <T> T read(byte[] json, Class<T> type, String what) throws InvalidInputException {
    if (json.length > MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(
          what + ": " + json.length + " bytes is larger than the limit of " + MAX_DOCUMENT_BYTES);
    }
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new InvalidInputException(what + ": empty JSON document");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(what, documentName(type), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(
          what + ": invalid " + documentName(type) + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** Returns the words of a type name, such as {@code image index} for {@code ImageIndex}. */
  private static String documentName(Class<?> type) {
    if (type == JsonNode.class) {
      return "document";
    }
    return type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
