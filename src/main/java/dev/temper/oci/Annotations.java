package dev.temper.oci;

/** Annotation keys that the OCI image spec defines and temper reads or writes. */
public final class Annotations {
  private Annotations() {}

  /** The name of an {@code index.json} entry in an image layout, used as its tag. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** The creation time of an image or artifact, in RFC 3339. */
  public static final String CREATED = "org.opencontainers.image.created";

  /** The name of the base image, for an image built on one. */
  public static final String BASE_NAME = "org.opencontainers.image.base.name";

  /** The digest of the base image's manifest. */
  public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";
}
