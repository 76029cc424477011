package dev.temper.oci;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import dev.temper.json.JsonParsers;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads and writes OCI JSON documents. Output is compact, with fields in the order the records
 * declare and maps sorted by key, so the same value always gives the same bytes and digest.
 *
 * <p>Manifests, indexes, descriptors, platforms and configs go through a streaming reader and
 * writer of their own. Other documents go through a Jackson data-binding mapper with the same
 * output rules. The mapper is made on first use, because creating it and reading the first record
 * by reflection took about 0.1 s of CPU in a fresh JVM, which a command that only moves images
 * would pay for nothing.
 */
public final class OciJson {
  /** Manifests, indexes and configs larger than this are rejected, as registries do. */
  public static final int MAX_DOCUMENT_BYTES = JsonParsers.MAX_DOCUMENT_BYTES;

  private OciJson() {}

  /** The data-binding mapper, made when a caller first needs it. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static {
      INSTANCE
          .getFactory()
          .setStreamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(MAX_DOCUMENT_BYTES)
                  .maxNestingDepth(JsonParsers.MAX_NESTING_DEPTH)
                  .build());
    }
  }

  /** Returns the shared data-binding mapper, for callers that read other JSON documents. */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  /** Serialises a value to its canonical bytes. */
  public static byte[] write(Object value) {
    if (OciJsonWriter.writes(value.getClass())) {
      return OciJsonWriter.write(value);
    }
    try {
      return mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Parses a document. Manifests, indexes and configs with a key twice are rejected.
   *
   * @param what names the document in the error, such as a file name or digest
   * @throws InvalidInputException when the bytes are too large or not a valid document of the type
   */
  public static <T> T read(byte[] json, Class<T> type, String what) throws InvalidInputException {
    if (json.length > MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(
          what + ": " + json.length + " bytes is larger than the limit of " + MAX_DOCUMENT_BYTES);
    }
    if (type == ImageManifest.class || type == ImageIndex.class || type == ImageConfig.class) {
      return type.cast(readDocument(json, type, what));
    }
    try {
      T value = mapper().readValue(json, type);
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

  private static Object readDocument(byte[] json, Class<?> type, String what)
      throws InvalidInputException {
    try (JsonParser parser = JsonParsers.open(json)) {
      if (parser.nextToken() == null) {
        throw new InvalidInputException(what + ": empty JSON document");
      }
      OciJsonReader reader = new OciJsonReader(parser);
      Object value;
      if (type == ImageManifest.class) {
        value = reader.manifest("");
      } else if (type == ImageIndex.class) {
        value = reader.index("");
      } else {
        value = reader.config("");
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected content after the document's value");
      }
      return value;
    } catch (OciJsonReader.InvalidDocumentException e) {
      throw new InvalidInputException(
          what + ": invalid " + documentName(type) + at(e.location()) + ": " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(what, documentName(type), e);
    } catch (IOException e) {
      throw new InvalidInputException(
          what + ": invalid " + documentName(type) + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** Returns {@code " at line L, column C"}, or nothing when the place is unknown. */
  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return "";
    }
    return " at line "
        + location.getLineNr()
        + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
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
