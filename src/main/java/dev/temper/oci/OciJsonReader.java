package dev.temper.oci;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads manifests, indexes, descriptors and configs from a streaming parser. Fields that temper
 * does not model are skipped. A field of the wrong JSON type, or a value the model rejects, fails
 * with the field's path, such as {@code layers[0].digest}.
 */
final class OciJsonReader {
  private final JsonParser parser;

  OciJsonReader(JsonParser parser) {
    this.parser = parser;
  }

  /** A document that is well-formed JSON but not a valid document of its type. */
  static final class InvalidDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient JsonLocation location;

    InvalidDocumentException(String reason, JsonLocation location) {
      super(reason);
      this.location = location;
    }

    /** Returns where in the document the problem was found. */
    JsonLocation location() {
      return location;
    }
  }

  ImageManifest manifest(String path) throws IOException, InvalidDocumentException {
    Integer schemaVersion = null;
    String mediaType = null;
    String artifactType = null;
    Descriptor config = null;
    List<Descriptor> layers = null;
    Descriptor subject = null;
    Map<String, String> annotations = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "schemaVersion" -> schemaVersion = intValue(join(path, name));
        case "mediaType" -> mediaType = string(join(path, name));
        case "artifactType" -> artifactType = string(join(path, name));
        case "config" -> config = descriptor(join(path, name));
        case "layers" -> layers = descriptors(join(path, name));
        case "subject" -> subject = descriptor(join(path, name));
        case "annotations" -> annotations = stringMap(join(path, name));
        default -> parser.skipChildren();
      }
    }

    // The image spec requires a config, and every consumer of a manifest reads it.
    if (config == null) {
      throw invalid(path, "the manifest has no config descriptor");
    }
    if (schemaVersion == null) {
      throw invalid(path, "the manifest has no schemaVersion");
    }
    return new ImageManifest(
        schemaVersion, mediaType, artifactType, config, layers, subject, annotations);
  }

  ImageIndex index(String path) throws IOException, InvalidDocumentException {
    Integer schemaVersion = null;
    String mediaType = null;
    String artifactType = null;
    List<Descriptor> manifests = null;
    Descriptor subject = null;
    Map<String, String> annotations = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "schemaVersion" -> schemaVersion = intValue(join(path, name));
        case "mediaType" -> mediaType = string(join(path, name));
        case "artifactType" -> artifactType = string(join(path, name));
        case "manifests" -> manifests = descriptors(join(path, name));
        case "subject" -> subject = descriptor(join(path, name));
        case "annotations" -> annotations = stringMap(join(path, name));
        default -> parser.skipChildren();
      }
    }

    if (schemaVersion == null) {
      throw invalid(path, "the index has no schemaVersion");
    }
    return new ImageIndex(schemaVersion, mediaType, artifactType, manifests, subject, annotations);
  }

  ImageConfig config(String path) throws IOException, InvalidDocumentException {
    String created = null;
    String author = null;
    String architecture = null;
    String os = null;
    String variant = null;
    ImageConfig.RunConfig run = null;
    ImageConfig.RootFs rootfs = null;
    List<ImageConfig.History> history = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "created" -> created = string(join(path, name));
        case "author" -> author = string(join(path, name));
        case "architecture" -> architecture = string(join(path, name));
        case "os" -> os = string(join(path, name));
        case "variant" -> variant = string(join(path, name));
        case "config" -> run = nullOr(join(path, name), OciJsonReader::runConfig);
        case "rootfs" -> rootfs = nullOr(join(path, name), OciJsonReader::rootFs);
        case "history" -> history = histories(join(path, name));
        default -> parser.skipChildren();
      }
    }

    return new ImageConfig(created, author, architecture, os, variant, run, rootfs, history);
  }

  private ImageConfig.RunConfig runConfig(String path)
      throws IOException, InvalidDocumentException {
    String user = null;
    Map<String, Map<String, Object>> exposedPorts = null;
    List<String> env = null;
    List<String> entrypoint = null;
    List<String> cmd = null;
    Map<String, Map<String, Object>> volumes = null;
    String workingDir = null;
    Map<String, String> labels = null;
    String stopSignal = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "User" -> user = string(join(path, name));
        case "ExposedPorts" -> exposedPorts = objectMap(join(path, name));
        case "Env" -> env = strings(join(path, name));
        case "Entrypoint" -> entrypoint = strings(join(path, name));
        case "Cmd" -> cmd = strings(join(path, name));
        case "Volumes" -> volumes = objectMap(join(path, name));
        case "WorkingDir" -> workingDir = string(join(path, name));
        case "Labels" -> labels = stringMap(join(path, name));
        case "StopSignal" -> stopSignal = string(join(path, name));
        default -> parser.skipChildren();
      }
    }

    return new ImageConfig.RunConfig(
        user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
  }

  private ImageConfig.RootFs rootFs(String path) throws IOException, InvalidDocumentException {
    String type = null;
    List<Digest> diffIds = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "type" -> type = string(join(path, name));
        case "diff_ids" -> diffIds = list(join(path, name), OciJsonReader::digest);
        default -> parser.skipChildren();
      }
    }

    return new ImageConfig.RootFs(type, diffIds);
  }

  private List<ImageConfig.History> histories(String path)
      throws IOException, InvalidDocumentException {
    return list(path, OciJsonReader::history);
  }

  private ImageConfig.History history(String path) throws IOException, InvalidDocumentException {
    String created = null;
    String createdBy = null;
    String comment = null;
    Boolean emptyLayer = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "created" -> created = string(join(path, name));
        case "created_by" -> createdBy = string(join(path, name));
        case "comment" -> comment = string(join(path, name));
        case "empty_layer" -> emptyLayer = bool(join(path, name));
        default -> parser.skipChildren();
      }
    }

    return new ImageConfig.History(created, createdBy, comment, emptyLayer);
  }

  /** Reads a descriptor, or null for a JSON null. */
  Descriptor descriptor(String path) throws IOException, InvalidDocumentException {
    return nullOr(path, OciJsonReader::descriptorObject);
  }

  private Descriptor descriptorObject(String path) throws IOException, InvalidDocumentException {
    String mediaType = null;
    Digest digest = null;
    Long size = null;
    Map<String, String> annotations = null;
    Platform platform = null;
    String artifactType = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "mediaType" -> mediaType = string(join(path, name));
        case "digest" -> digest = nullOr(join(path, name), OciJsonReader::digest);
        case "size" -> size = longValue(join(path, name));
        case "annotations" -> annotations = stringMap(join(path, name));
        case "platform" -> platform = nullOr(join(path, name), OciJsonReader::platform);
        case "artifactType" -> artifactType = string(join(path, name));
        default -> parser.skipChildren();
      }
    }

    Descriptor descriptor;
    try {
      descriptor =
          new Descriptor(
              mediaType, digest, size == null ? 0 : size, annotations, platform, artifactType);
    } catch (IllegalArgumentException e) {
      throw invalid(path, e.getMessage());
    }
    // The image spec requires a size, and a missing one must not read as an empty blob.
    if (size == null) {
      throw invalid(path, "a descriptor needs a size");
    }
    return descriptor;
  }

  private List<Descriptor> descriptors(String path) throws IOException, InvalidDocumentException {
    return list(path, OciJsonReader::descriptorObject);
  }

  private Platform platform(String path) throws IOException, InvalidDocumentException {
    String os = null;
    String architecture = null;
    String variant = null;

    startObject(path);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "os" -> os = string(join(path, name));
        case "architecture" -> architecture = string(join(path, name));
        case "variant" -> variant = string(join(path, name));
        default -> parser.skipChildren();
      }
    }

    return new Platform(os, architecture, variant);
  }

  private Digest digest(String path) throws IOException, InvalidDocumentException {
    String text = requireString(path);
    try {
      return Digest.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(path, e.getMessage());
    }
  }

  /** Reads one value of a type at the parser's current token. */
  @FunctionalInterface
  private interface ValueReader<T> {
    T read(OciJsonReader reader, String path) throws IOException, InvalidDocumentException;
  }

  /** Reads null for a JSON null, else the value. */
  private <T> T nullOr(String path, ValueReader<T> reader)
      throws IOException, InvalidDocumentException {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(this, path);
  }

  /** Reads an array whose elements may not be null, or null for a JSON null. */
  private <T> List<T> list(String path, ValueReader<T> element)
      throws IOException, InvalidDocumentException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(path, "a list");
    }
    List<T> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String elementPath = path + "[" + values.size() + "]";
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        throw invalid(elementPath, "null is not allowed in this list");
      }
      values.add(element.read(this, elementPath));
    }
    return values;
  }

  private List<String> strings(String path) throws IOException, InvalidDocumentException {
    return list(path, OciJsonReader::requireString);
  }

  /** Reads an object whose values are strings or null, or null for a JSON null. */
  private Map<String, String> stringMap(String path) throws IOException, InvalidDocumentException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    startObject(path);
    Map<String, String> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      values.put(name, string(join(path, name)));
    }
    return values;
  }

  /** Reads an object whose values are objects of any content, such as {@code ExposedPorts}. */
  private Map<String, Map<String, Object>> objectMap(String path)
      throws IOException, InvalidDocumentException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    startObject(path);
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NULL) {
        values.put(name, null);
      } else if (token == JsonToken.START_OBJECT) {
        values.put(name, untypedObject());
      } else {
        throw wrongType(join(path, name), "an object");
      }
    }

    return values;
  }

  /** Reads an object of any content as maps, lists, strings, numbers, booleans and nulls. */
  private Map<String, Object> untypedObject() throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      values.put(name, untyped());
    }
    return values;
  }

  private Object untyped() throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        return untypedObject();
      case START_ARRAY:
        List<Object> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(untyped());
        }
        return elements;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private void startObject(String path) throws InvalidDocumentException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(path, "an object");
    }
  }

  private String string(String path) throws IOException, InvalidDocumentException {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : requireString(path);
  }

  private String requireString(String path) throws IOException, InvalidDocumentException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(path, "a string");
    }
    return parser.getText();
  }

  private Boolean bool(String path) throws InvalidDocumentException {
    return switch (parser.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> throw wrongType(path, "true or false");
    };
  }

  private long longValue(String path) throws IOException, InvalidDocumentException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(path, "a whole number");
    }
    try {
      return parser.getLongValue();
    } catch (InputCoercionException e) {
      throw invalid(path, "the number " + parser.getText() + " is out of range");
    }
  }

  private int intValue(String path) throws IOException, InvalidDocumentException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(path, "a whole number");
    }
    try {
      return parser.getIntValue();
    } catch (InputCoercionException e) {
      throw invalid(path, "the number " + parser.getText() + " is out of range");
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private InvalidDocumentException wrongType(String path, String expected) {
    String subject = path.isEmpty() ? "the document" : "field '" + path + "'";
    return new InvalidDocumentException(
        subject + " has the wrong type, expected " + expected, parser.currentTokenLocation());
  }

  private InvalidDocumentException invalid(String path, String reason) {
    String subject = path.isEmpty() ? "invalid value" : "invalid field '" + path + "'";
    return new InvalidDocumentException(subject + ": " + reason, parser.currentTokenLocation());
  }
}
