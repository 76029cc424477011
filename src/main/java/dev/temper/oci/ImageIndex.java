package dev.temper.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image index (OCI) or manifest list (Docker): one manifest per platform, and in an OCI layout's
 * {@code index.json} the tagged entry points of the layout.
 *
 * @param schemaVersion always 2
 * @param mediaType {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}, or null
 *     in an old layout's {@code index.json}
 * @param artifactType the artifact type, or null
 * @param manifests the listed manifests
 * @param subject the manifest this index refers to, or null
 * @param annotations annotations, sorted by key, or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "schemaVersion",
  "mediaType",
  "artifactType",
  "manifests",
  "subject",
  "annotations"
})
public record ImageIndex(
    int schemaVersion,
    String mediaType,
    String artifactType,
    List<Descriptor> manifests,
    Descriptor subject,
    Map<String, String> annotations) {

  public ImageIndex {
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
    annotations =
        annotations == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Creates an OCI index over the given manifests. */
  public static ImageIndex oci(List<Descriptor> manifests, Map<String, String> annotations) {
    return new ImageIndex(2, MediaTypes.OCI_INDEX, null, manifests, null, annotations);
  }
}
