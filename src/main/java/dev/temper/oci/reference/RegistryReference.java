package dev.temper.oci.reference;

import dev.temper.oci.Digest;
import java.util.Objects;

/**
 * {@code [docker://]HOST[:PORT]/REPOSITORY[:TAG][@DIGEST]}: an image in a registry.
 *
 * @param registry the host name or address of the registry, with its port if one was given, such as
 *     {@code localhost:5000}
 * @param repository the repository path, such as {@code team/app}
 * @param tag the tag, or null when only a digest was given
 * @param digest the manifest digest, or null
 */
public record RegistryReference(String registry, String repository, String tag, Digest digest)
    implements ImageReference {

  public RegistryReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("a registry reference needs a tag or a digest");
    }
  }

  /** Returns the digest if there is one, else the tag: what a manifest request names. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /** Returns a copy that names the given digest, keeping the tag. */
  public RegistryReference withDigest(Digest newDigest) {
    return new RegistryReference(registry, repository, tag, newDigest);
  }

  /** Returns a copy that names the given tag and no digest. */
  public RegistryReference withTag(String newTag) {
    return new RegistryReference(registry, repository, newTag, null);
  }

  /** Returns {@code HOST/REPOSITORY}, the name without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  @Override
  public String transport() {
    return "docker";
  }

  /** Returns the plain form {@code HOST/REPOSITORY[:TAG][@DIGEST]}, without {@code docker://}. */
  @Override
  public String toString() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
