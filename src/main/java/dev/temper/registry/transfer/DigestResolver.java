package dev.temper.registry.transfer;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Digest;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Registries;
import dev.temper.registry.Repository;
import java.io.IOException;

/** Finds the digest that a tag names now, the step behind pinning by digest. */
public final class DigestResolver {
  private DigestResolver() {}

  /**
   * Returns the digest of the manifest or index a registry or OCI layout reference names, computed
   * from its bytes.
   *
   * @throws InvalidInputException for references that name no stored manifest, such as {@code dir:}
   */
  public static Digest resolve(Registries registries, ImageReference reference)
      throws IOException, TemperException {
    if (reference instanceof RegistryReference registry) {
      Repository repository;
      try {
        repository = new Repository(registry.registry(), registry.repository());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(registry + ": " + e.getMessage(), e);
      }
      return registries.open(repository).resolve(registry.manifestReference());
    }
    if (reference instanceof OciLayoutReference oci) {
      OciLayout layout = OciLayout.open(oci.directory());
      return (oci.sourceIndex() >= 0
              ? layout.entryAt(oci.sourceIndex())
              : layout.resolve(oci.tag()))
          .digest();
    }
    throw new InvalidInputException(
        "cannot resolve " + reference + " to a digest: use a registry reference or oci:DIR[:TAG]");
  }
}
