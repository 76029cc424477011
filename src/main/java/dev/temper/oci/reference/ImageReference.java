package dev.temper.oci.reference;

/**
 * A name of an image in one of the forms that skopeo accepts: an OCI layout directory, a {@code
 * docker save} archive, a root file system directory, or a repository in a registry. {@link
 * #toString()} returns the text that {@link ImageReferences#parse(String)} reads back.
 */
public sealed interface ImageReference
    permits OciLayoutReference, DockerArchiveReference, RootfsReference, RegistryReference {

  /** Returns the transport prefix without its colon, such as {@code oci} or {@code docker}. */
  String transport();
}
