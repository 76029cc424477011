package dev.temper.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OCI content descriptor: what a blob is, its digest and its size.
 *
 * @param mediaType the media type of the referenced content
 * @param digest the digest of the referenced content
 * @param size the size of the referenced content in bytes
 * @param annotations annotations, sorted by key, or empty
 * @param platform the platform, only on manifests listed in an index, else null
 * @param artifactType the artifact type of a referenced artifact manifest, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"mediaType", "digest", "size", "annotations", "platform", "artifactType"})
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    Map<String, String> annotations,
    Platform platform,
    String artifactType) {

  public Descriptor {
    if (mediaType == null || mediaType.isEmpty()) {
      throw new IllegalArgumentException("a descriptor needs a media type");
    }
    if (digest == null) {
      throw new IllegalArgumentException("a descriptor needs a digest");
    }
    if (size < 0) {
      throw new IllegalArgumentException("invalid descriptor size " + size);
    }
    annotations =
        annotations == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Creates a descriptor with no annotations, platform or artifact type. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, Map.of(), null, null);
  }

  /** Returns a copy with the given annotations. */
  public Descriptor withAnnotations(Map<String, String> newAnnotations) {
    return new Descriptor(mediaType, digest, size, newAnnotations, platform, artifactType);
  }

  /** Returns a copy with the given platform. */
  public Descriptor withPlatform(Platform newPlatform) {
    return new Descriptor(mediaType, digest, size, annotations, newPlatform, artifactType);
  }

  /** Returns a copy with the given artifact type. */
  public Descriptor withArtifactType(String newArtifactType) {
    return new Descriptor(mediaType, digest, size, annotations, platform, newArtifactType);
  }
}
