package dev.temper.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value for the small documents that are read by looking up a few fields: a docker
 * {@code config.json}, a token response, a registry's error body. Looking up a field that is
 * absent, or indexing into something that is not an array, gives the missing value, so a chain of
 * {@link #path} calls never fails.
 */
public final class JsonValue {
  private static final JsonValue MISSING = new JsonValue(Kind.MISSING, null);
  private static final JsonValue NULL = new JsonValue(Kind.NULL, null);

  private enum Kind {
    MISSING,
    NULL,
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN
  }

  private final Kind kind;
  private final Object value;

  private JsonValue(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  /**
   * Parses a whole document, with the limits of {@link JsonParsers}: duplicate keys, documents over
   * 4 MiB and nesting over 64 levels are rejected. An empty document gives the missing value.
   *
   * @throws JsonProcessingException when the bytes are not one well-formed JSON value
   */
  public static JsonValue parse(byte[] json) throws IOException {
    try (JsonParser parser = JsonParsers.open(json)) {
      if (parser.nextToken() == null) {
        return MISSING;
      }
      JsonValue value = read(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected content after the document's value");
      }
      return value;
    }
  }

  /** Reads the value at the parser's current token, leaving the parser on its last token. */
  private static JsonValue read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          fields.put(name, read(parser));
        }
        return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(fields));
      case START_ARRAY:
        List<JsonValue> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(read(parser));
        }
        return new JsonValue(Kind.ARRAY, Collections.unmodifiableList(elements));
      case VALUE_STRING:
        return new JsonValue(Kind.STRING, parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonValue(Kind.NUMBER, parser.getDecimalValue());
      case VALUE_TRUE:
        return new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
      case VALUE_FALSE:
        return new JsonValue(Kind.BOOLEAN, Boolean.FALSE);
      case VALUE_NULL:
        return NULL;
      default:
        throw new JsonParseException(parser, "unexpected token " + token);
    }
  }

  /** Returns the field {@code name} of an object, or the missing value. */
  public JsonValue path(String name) {
    if (kind != Kind.OBJECT) {
      return MISSING;
    }
    JsonValue field = fields().get(name);
    return field == null ? MISSING : field;
  }

  /** Returns the element at {@code index} of an array, or the missing value. */
  public JsonValue path(int index) {
    if (kind != Kind.ARRAY || index < 0 || index >= elements().size()) {
      return MISSING;
    }
    return elements().get(index);
  }

  /** Returns whether this is the value of a field or element that does not exist. */
  public boolean isMissing() {
    return kind == Kind.MISSING;
  }

  public boolean isObject() {
    return kind == Kind.OBJECT;
  }

  public boolean isString() {
    return kind == Kind.STRING;
  }

  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  /** Returns whether this is a JSON {@code null}, which a missing value is not. */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** Returns the fields of an object in document order, or an empty map for anything else. */
  @SuppressWarnings("unchecked")
  public Map<String, JsonValue> fields() {
    return kind == Kind.OBJECT ? (Map<String, JsonValue>) value : Map.of();
  }

  /** Returns the elements of an array, or an empty list for anything else. */
  @SuppressWarnings("unchecked")
  public List<JsonValue> elements() {
    return kind == Kind.ARRAY ? (List<JsonValue>) value : List.of();
  }

  /**
   * Returns a string as it is, and a number or boolean as its JSON text; {@code fallback} for null,
   * a missing value, an object or an array.
   */
  public String asText(String fallback) {
    return switch (kind) {
      case STRING -> (String) value;
      case NUMBER -> ((BigDecimal) value).toString();
      case BOOLEAN -> value.toString();
      default -> fallback;
    };
  }

  /**
   * Returns a whole number that fits a {@code long}, from a number or a string of digits, or {@code
   * fallback} for anything else.
   */
  public long asLong(long fallback) {
    try {
      return switch (kind) {
        case NUMBER -> ((BigDecimal) value).longValueExact();
        case STRING -> Long.parseLong(((String) value).strip());
        default -> fallback;
      };
    } catch (ArithmeticException | NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MISSING -> "missing";
      case NULL -> "null";
      case STRING -> '"' + (String) value + '"';
      default -> String.valueOf(value);
    };
  }
}
