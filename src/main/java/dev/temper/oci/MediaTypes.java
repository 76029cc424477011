package dev.temper.oci;

/** Media types of the OCI image spec 1.1 and of Docker's image manifest v2, schema 2. */
public final class MediaTypes {
  private MediaTypes() {}

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";

  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar";
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";

  /** Returns whether the media type names a single-platform image manifest, OCI or Docker. */
  public static boolean isManifest(String mediaType) {
    return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
  }

  /** Returns whether the media type names a layer tar, compressed or not, OCI or Docker. */
  public static boolean isLayer(String mediaType) {
    return OCI_LAYER.equals(mediaType)
        || OCI_LAYER_GZIP.equals(mediaType)
        || OCI_LAYER_ZSTD.equals(mediaType)
        || DOCKER_LAYER.equals(mediaType)
        || DOCKER_LAYER_GZIP.equals(mediaType)
        || "application/vnd.oci.image.layer.nondistributable.v1.tar".equals(mediaType)
        || "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip".equals(mediaType)
        || "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip".equals(mediaType);
  }

  /** Returns whether the media type names an index of manifests, OCI or Docker. */
  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
  }
}
