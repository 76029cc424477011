package dev.temper.registry.transfer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.image.ResolvedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The description of an image that {@code temper inspect} prints: the digests, the platforms of an
 * index, the selected platform's config and its layers.
 *
 * @param name the image as given
 * @param digest the digest of the root manifest or index
 * @param mediaType the root's media type
 * @param platforms the platforms an index lists, empty for a single manifest
 * @param manifestDigest the digest of the selected platform's manifest
 * @param platform the selected platform, {@code os/architecture[/variant]}
 * @param created the creation time in the config, or null
 * @param user the user the image runs as, or null
 * @param entrypoint the entrypoint, or empty
 * @param cmd the default arguments, or empty
 * @param env the environment, or empty
 * @param labels the labels, sorted by key
 * @param layers the layers, bottom first
 * @param layerBytes the sum of the layer sizes
 */
@JsonPropertyOrder({
  "name",
  "digest",
  "mediaType",
  "platforms",
  "manifestDigest",
  "platform",
  "created",
  "user",
  "entrypoint",
  "cmd",
  "env",
  "labels",
  "layers",
  "layerBytes"
})
public record ImageDescription(
    String name,
    String digest,
    String mediaType,
    List<String> platforms,
    String manifestDigest,
    String platform,
    String created,
    String user,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    Map<String, String> labels,
    List<Layer> layers,
    long layerBytes) {

  /**
   * One layer.
   *
   * @param digest the digest of the stored, usually compressed, blob
   * @param size its size in bytes
   * @param mediaType its media type
   */
  public record Layer(String digest, long size, String mediaType) {}

  /** Describes a resolved image. */
  public static ImageDescription of(String name, ResolvedImage image) {
    List<String> platforms = new ArrayList<>();
    image
        .indexIfAny()
        .ifPresent(
            index ->
                index
                    .manifests()
                    .forEach(
                        m ->
                            platforms.add(
                                m.platform() == null ? "unknown" : m.platform().toString())));
    ImageConfig config = image.config();
    ImageConfig.RunConfig run = config.config();
    List<Layer> layers = new ArrayList<>();
    long total = 0;
    for (Descriptor layer : image.manifest().layers()) {
      layers.add(new Layer(layer.digest().toString(), layer.size(), layer.mediaType()));
      total += layer.size();
    }
    String platform =
        config.os()
            + "/"
            + config.architecture()
            + (config.variant() == null ? "" : "/" + config.variant());
    return new ImageDescription(
        name,
        image.root().digest().toString(),
        image.root().mediaType(),
        List.copyOf(platforms),
        image.manifestDescriptor().digest().toString(),
        platform,
        config.created(),
        run == null ? null : run.user(),
        run == null || run.entrypoint() == null ? List.of() : run.entrypoint(),
        run == null || run.cmd() == null ? List.of() : run.cmd(),
        run == null ? List.of() : run.env(),
        run == null ? Map.of() : run.labels(),
        List.copyOf(layers),
        total);
  }
}
