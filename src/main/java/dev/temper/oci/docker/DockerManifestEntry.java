package dev.temper.oci.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One image in the {@code manifest.json} of a {@code docker save} archive.
 *
 * @param config the member name of the image config
 * @param repoTags the names of the image, such as {@code app:1.0}, or empty
 * @param layers the member names of the layer tars, bottom first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Config", "RepoTags", "Layers"})
public record DockerManifestEntry(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("Layers") List<String> layers) {

  public DockerManifestEntry {
    repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
