package dev.temper.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OCI image config: platform, run-time defaults, the layers' diff IDs and history. Fields that
 * temper does not use are dropped when a foreign config is read; its digest is always taken from
 * the original bytes, never from a re-serialised copy.
 *
 * @param created the creation time in RFC 3339, or null
 * @param author the author, or null
 * @param architecture the CPU architecture, such as {@code amd64}
 * @param os the operating system, such as {@code linux}
 * @param variant the CPU variant, or null
 * @param config the defaults for running a container, or null
 * @param rootfs the diff IDs of the layers
 * @param history one entry per build step, or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "created",
  "author",
  "architecture",
  "os",
  "variant",
  "config",
  "rootfs",
  "history"
})
public record ImageConfig(
    String created,
    String author,
    String architecture,
    String os,
    String variant,
    RunConfig config,
    RootFs rootfs,
    List<History> history) {

  public ImageConfig {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * Run-time defaults of a container, with the capitalised keys of the spec.
   *
   * @param user the user, {@code uid[:gid]} or a name
   * @param exposedPorts exposed ports such as {@code 8080/tcp}, each mapped to an empty object
   * @param env environment entries {@code NAME=value}
   * @param entrypoint the entrypoint in exec form
   * @param cmd the default arguments
   * @param volumes volume mount points, each mapped to an empty object
   * @param workingDir the working directory
   * @param labels labels, sorted by key
   * @param stopSignal the stop signal, such as {@code SIGTERM}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "User",
    "ExposedPorts",
    "Env",
    "Entrypoint",
    "Cmd",
    "Volumes",
    "WorkingDir",
    "Labels",
    "StopSignal"
  })
  public record RunConfig(
      @JsonProperty("User") String user,
      @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") String stopSignal) {

    public RunConfig {
      exposedPorts =
          exposedPorts == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new TreeMap<>(exposedPorts));
      env = env == null ? List.of() : List.copyOf(env);
      entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
      cmd = cmd == null ? null : List.copyOf(cmd);
      volumes =
          volumes == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new TreeMap<>(volumes));
      labels =
          labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
  }

  /**
   * The layers' uncompressed digests, bottom first.
   *
   * @param type always {@code layers}
   * @param diffIds the SHA-256 of each layer's uncompressed tar
   */
  @JsonPropertyOrder({"type", "diff_ids"})
  public record RootFs(String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
    public RootFs {
      diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }
  }

  /**
   * One step of the image's history.
   *
   * @param created when the step ran, in RFC 3339
   * @param createdBy what the step ran or did
   * @param comment a comment, or null
   * @param emptyLayer whether the step made no layer, or null when it made one
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"created", "created_by", "comment", "empty_layer"})
  public record History(
      String created,
      @JsonProperty("created_by") String createdBy,
      String comment,
      @JsonProperty("empty_layer") Boolean emptyLayer) {}
}
