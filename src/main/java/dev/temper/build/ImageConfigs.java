package dev.temper.build;

import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Makes the image config and the manifest annotations from the spec. */
final class ImageConfigs {
  /** The {@code PATH} of Debian's login.defs for root, which distroless images also set. */
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ImageConfigs() {}

  /** Returns the time as RFC 3339 in UTC, such as {@code 2025-05-20T00:00:00Z}. */
  static String rfc3339(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }

  /**
   * Returns the config of one platform's image.
   *
   * @param layerNames the layer names, bottom first, for the history
   * @param diffIds the layers' diff IDs, bottom first
   * @param withCertificates whether the CA bundle exists, so {@code SSL_CERT_FILE} can name it
   */
  static ImageConfig config(
      Spec spec,
      String debianArchitecture,
      long sourceDateEpoch,
      List<String> layerNames,
      List<Digest> diffIds,
      boolean withCertificates) {
    ImageSpec image = spec.image();
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", DEFAULT_PATH);
    if (withCertificates) {
      env.put("SSL_CERT_FILE", "/" + CertificateStores.BUNDLE);
    }
    env.putAll(image.env());
    List<String> envEntries = new ArrayList<>();
    env.forEach((name, value) -> envEntries.add(name + "=" + value));
    Map<String, Map<String, Object>> ports = new TreeMap<>();
    image.ports().forEach(port -> ports.put(port, Map.of()));
    ImageConfig.RunConfig run =
        new ImageConfig.RunConfig(
            AccountFiles.configUser(image.accounts()),
            ports,
            envEntries,
            image.entrypoint(),
            image.cmd(),
            Map.of(),
            image.workdir() == null ? "/" : image.workdir(),
            image.labels(),
            null);
    String created = rfc3339(sourceDateEpoch);
    List<ImageConfig.History> history = new ArrayList<>();
    for (String layer : layerNames) {
      history.add(new ImageConfig.History(created, "temper build: " + layer, null, null));
    }
    Platform platform = Platform.linuxForDebian(debianArchitecture);
    return new ImageConfig(
        created,
        null,
        platform.architecture(),
        platform.os(),
        platform.variant(),
        run,
        new ImageConfig.RootFs("layers", diffIds),
        history);
  }

  /**
   * Returns the manifest annotations: {@code org.opencontainers.image.created} from
   * SOURCE_DATE_EPOCH, the image title, and the spec's annotations, which may set {@code source},
   * {@code revision} and the {@code base.*} keys and override the others.
   */
  static Map<String, String> annotations(Spec spec, long sourceDateEpoch) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("org.opencontainers.image.created", rfc3339(sourceDateEpoch));
    annotations.put("org.opencontainers.image.title", spec.name());
    annotations.putAll(spec.image().annotations());
    return annotations;
  }
}
