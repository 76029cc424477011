package dev.temper.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image manifest, OCI or Docker schema 2: the config and the layers of one platform's image.
 * Artifacts such as signatures and SBOMs use the same structure with an {@code artifactType} and a
 * {@code subject}.
 *
 * @param schemaVersion always 2
 * @param mediaType {@link MediaTypes#OCI_MANIFEST} or {@link MediaTypes#DOCKER_MANIFEST}
 * @param artifactType the artifact type, or null for a runnable image
 * @param config the image config (or an artifact's config)
 * @param layers the layers, bottom first
 * @param subject the manifest this artifact refers to, or null
 * @param annotations annotations, sorted by key, or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "schemaVersion",
  "mediaType",
  "artifactType",
  "config",
  "layers",
  "subject",
  "annotations"
})
public record ImageManifest(
    int schemaVersion,
    String mediaType,
    String artifactType,
    Descriptor config,
    List<Descriptor> layers,
    Descriptor subject,
    Map<String, String> annotations) {

  public ImageManifest {
    layers = layers == null ? List.of() : List.copyOf(layers);
    annotations =
        annotations == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Creates an OCI image manifest with no artifact type or subject. */
  public static ImageManifest oci(
      Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
    return new ImageManifest(2, MediaTypes.OCI_MANIFEST, null, config, layers, null, annotations);
  }
}
