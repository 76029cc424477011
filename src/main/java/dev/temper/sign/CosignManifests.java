package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCI image manifests cosign stores beside an image: one per image and kind, tagged {@code
 * sha256-<hex>.sig} or {@code .att}, with one layer per signature.
 */
final class CosignManifests {
  static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
  static final String PREDICATE_TYPE_ANNOTATION = "predicateType";

  /** Signature manifests with more layers than this are rejected before any layer is read. */
  static final int MAX_LAYERS = 1000;

  static final long MAX_MANIFEST_BYTES = 4 << 20;

  /** The two blobs of a signature manifest: its config and the manifest itself. */
  record Blobs(byte[] config, byte[] manifest) {}

  private CosignManifests() {}

  /** Returns the tag cosign uses for {@code imageDigest} with {@code suffix} sig or att. */
  static String tag(String imageDigest, String suffix) throws InvalidInputException {
    return "sha256-" + Digests.hex(imageDigest) + "." + suffix;
  }

  /** Parses the layer descriptors of a signature manifest, enforcing {@link #MAX_LAYERS}. */
  static List<BlobDescriptor> layers(byte[] manifest, String source) throws InvalidInputException {
    return layers(Json.parse(manifest, source), source);
  }

  /** Reads the layer descriptors of a parsed signature manifest, enforcing {@link #MAX_LAYERS}. */
  static List<BlobDescriptor> layers(JsonNode root, String source) throws InvalidInputException {
    JsonNode layers = root.path("layers");
    if (!layers.isArray()) {
      throw new InvalidInputException(source + ": manifest has no layers array");
    }
    if (layers.size() > MAX_LAYERS) {
      throw new InvalidInputException(
          source + ": manifest has " + layers.size() + " layers, the maximum is " + MAX_LAYERS);
    }
    List<BlobDescriptor> descriptors = new ArrayList<>();
    for (JsonNode layer : layers) {
      descriptors.add(LayoutStore.descriptor(layer, source));
    }
    return descriptors;
  }

  /**
   * Builds the manifest and its config for {@code layers}. The config lists the layer digests as
   * {@code rootfs.diff_ids} and carries no dates, as cosign's does.
   */
  static Blobs build(List<BlobDescriptor> layers) {
    ObjectNode config = Json.MAPPER.createObjectNode();
    config.put("architecture", "");
    config.put("created", "0001-01-01T00:00:00Z");
    config.putArray("history").addObject().put("created", "0001-01-01T00:00:00Z");
    config.put("os", "");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(layer -> diffIds.add(layer.digest()));
    config.putObject("config");
    byte[] configBytes = Json.bytes(config);

    ObjectNode manifest = Json.MAPPER.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_MEDIA_TYPE);
    ObjectNode configDescriptor = manifest.putObject("config");
    configDescriptor.put("mediaType", CONFIG_MEDIA_TYPE);
    configDescriptor.put("size", configBytes.length);
    configDescriptor.put("digest", Digests.of(configBytes));
    ArrayNode layerArray = manifest.putArray("layers");
    for (BlobDescriptor layer : layers) {
      ObjectNode node = layerArray.addObject();
      node.put("mediaType", layer.mediaType());
      node.put("size", layer.size());
      node.put("digest", layer.digest());
      ObjectNode annotations = node.putObject("annotations");
      new java.util.TreeMap<>(layer.annotations()).forEach(annotations::put);
    }
    return new Blobs(configBytes, Json.bytes(manifest));
  }
}
