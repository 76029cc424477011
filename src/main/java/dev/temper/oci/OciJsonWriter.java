package dev.temper.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.temper.json.JsonParsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes manifests, indexes, descriptors and configs as canonical JSON: compact, fields in a fixed
 * order, maps sorted by key. Null values, empty strings and empty lists and maps are left out,
 * except where noted for a type, so the same value always gives the same bytes and the same digest.
 */
final class OciJsonWriter {
  private final JsonGenerator out;

  private OciJsonWriter(JsonGenerator out) {
    this.out = out;
  }

  /** Returns the canonical bytes of a manifest, index, descriptor, platform or config. */
  static byte[] write(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (JsonGenerator generator = JsonParsers.generator(bytes)) {
      OciJsonWriter writer = new OciJsonWriter(generator);
      if (value instanceof ImageManifest manifest) {
        writer.manifest(manifest);
      } else if (value instanceof ImageIndex index) {
        writer.index(index);
      } else if (value instanceof Descriptor descriptor) {
        writer.descriptor(descriptor);
      } else if (value instanceof Platform platform) {
        writer.platform(platform);
      } else if (value instanceof ImageConfig config) {
        writer.config(config);
      } else {
        throw new IllegalArgumentException("not an OCI document: " + value.getClass().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return bytes.toByteArray();
  }

  /** Returns whether {@link #write} takes values of this type. */
  static boolean writes(Class<?> type) {
    return type == ImageManifest.class
        || type == ImageIndex.class
        || type == Descriptor.class
        || type == Platform.class
        || type == ImageConfig.class;
  }

  private void manifest(ImageManifest manifest) throws IOException {
    out.writeStartObject();
    out.writeNumberField("schemaVersion", manifest.schemaVersion());
    text("mediaType", manifest.mediaType());
    text("artifactType", manifest.artifactType());
    if (manifest.config() != null) {
      out.writeFieldName("config");
      descriptor(manifest.config());
    }
    descriptors("layers", manifest.layers());
    if (manifest.subject() != null) {
      out.writeFieldName("subject");
      descriptor(manifest.subject());
    }
    stringMap("annotations", manifest.annotations());
    out.writeEndObject();
  }

  private void index(ImageIndex index) throws IOException {
    out.writeStartObject();
    out.writeNumberField("schemaVersion", index.schemaVersion());
    text("mediaType", index.mediaType());
    text("artifactType", index.artifactType());
    descriptors("manifests", index.manifests());
    if (index.subject() != null) {
      out.writeFieldName("subject");
      descriptor(index.subject());
    }
    stringMap("annotations", index.annotations());
    out.writeEndObject();
  }

  private void descriptor(Descriptor descriptor) throws IOException {
    out.writeStartObject();
    text("mediaType", descriptor.mediaType());
    out.writeStringField("digest", descriptor.digest().toString());
    out.writeNumberField("size", descriptor.size());
    stringMap("annotations", descriptor.annotations());
    if (descriptor.platform() != null) {
      out.writeFieldName("platform");
      platform(descriptor.platform());
    }
    text("artifactType", descriptor.artifactType());
    out.writeEndObject();
  }

  private void descriptors(String name, List<Descriptor> descriptors) throws IOException {
    if (descriptors.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart(name);
    for (Descriptor descriptor : descriptors) {
      descriptor(descriptor);
    }
    out.writeEndArray();
  }

  /** Writes a platform, which keeps empty strings: only null fields are left out. */
  private void platform(Platform platform) throws IOException {
    out.writeStartObject();
    nonNull("architecture", platform.architecture());
    nonNull("os", platform.os());
    nonNull("variant", platform.variant());
    out.writeEndObject();
  }

  private void config(ImageConfig config) throws IOException {
    out.writeStartObject();
    text("created", config.created());
    text("author", config.author());
    text("architecture", config.architecture());
    text("os", config.os());
    text("variant", config.variant());
    if (config.config() != null) {
      out.writeFieldName("config");
      runConfig(config.config());
    }
    if (config.rootfs() != null) {
      out.writeFieldName("rootfs");
      rootFs(config.rootfs());
    }
    if (!config.history().isEmpty()) {
      out.writeArrayFieldStart("history");
      for (ImageConfig.History step : config.history()) {
        history(step);
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private void runConfig(ImageConfig.RunConfig run) throws IOException {
    out.writeStartObject();
    text("User", run.user());
    untypedMap("ExposedPorts", run.exposedPorts());
    strings("Env", run.env());
    strings("Entrypoint", run.entrypoint());
    strings("Cmd", run.cmd());
    untypedMap("Volumes", run.volumes());
    text("WorkingDir", run.workingDir());
    stringMap("Labels", run.labels());
    text("StopSignal", run.stopSignal());
    out.writeEndObject();
  }

  /** Writes the root file system, which keeps every field, a null type and no diff IDs too. */
  private void rootFs(ImageConfig.RootFs rootfs) throws IOException {
    out.writeStartObject();
    out.writeFieldName("type");
    if (rootfs.type() == null) {
      out.writeNull();
    } else {
      out.writeString(rootfs.type());
    }
    out.writeArrayFieldStart("diff_ids");
    for (Digest diffId : rootfs.diffIds()) {
      out.writeString(diffId.toString());
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /** Writes a history step, which keeps empty strings: only null fields are left out. */
  private void history(ImageConfig.History step) throws IOException {
    out.writeStartObject();
    nonNull("created", step.created());
    nonNull("created_by", step.createdBy());
    nonNull("comment", step.comment());
    if (step.emptyLayer() != null) {
      out.writeBooleanField("empty_layer", step.emptyLayer());
    }
    out.writeEndObject();
  }

  /** Writes a string field unless it is null or empty. */
  private void text(String name, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      out.writeStringField(name, value);
    }
  }

  private void nonNull(String name, String value) throws IOException {
    if (value != null) {
      out.writeStringField(name, value);
    }
  }

  private void strings(String name, List<String> values) throws IOException {
    if (values == null || values.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart(name);
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }

  /** Writes a map of strings sorted by key, unless it is empty. Null values stay null. */
  private void stringMap(String name, Map<String, String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    out.writeObjectFieldStart(name);
    for (Map.Entry<String, String> entry : sorted(values).entrySet()) {
      out.writeFieldName(entry.getKey());
      if (entry.getValue() == null) {
        out.writeNull();
      } else {
        out.writeString(entry.getValue());
      }
    }
    out.writeEndObject();
  }

  private void untypedMap(String name, Map<String, ? extends Object> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    out.writeFieldName(name);
    untyped(values);
  }

  /** Writes a value read without a model: maps sorted by key, lists, scalars and nulls. */
  private void untyped(Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : sorted(map).entrySet()) {
        out.writeFieldName(String.valueOf(entry.getKey()));
        untyped(entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        untyped(element);
      }
      out.writeEndArray();
    } else if (value instanceof String text) {
      out.writeString(text);
    } else if (value instanceof Boolean flag) {
      out.writeBoolean(flag);
    } else if (value instanceof Integer number) {
      out.writeNumber(number);
    } else if (value instanceof Long number) {
      out.writeNumber(number);
    } else if (value instanceof BigInteger number) {
      out.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      out.writeNumber(number);
    } else if (value instanceof Double number) {
      out.writeNumber(number);
    } else if (value instanceof Float number) {
      out.writeNumber(number);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName());
    }
  }

  private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
    return map instanceof SortedMap<K, V> sortedMap ? sortedMap : new TreeMap<>(map);
  }
}
