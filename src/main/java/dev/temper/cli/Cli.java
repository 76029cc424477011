package dev.temper.cli;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Platform;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Repository;

/** Conversions that several commands share. */
final class Cli {
  /** The help of {@code --attachments} on copy, pull and push. */
  static final String ATTACHMENTS_HELP =
      "Also copy the image's cosign signatures and attestations and its OCI referrers, such as"
          + " the SBOM that temper build attaches.";

  private Cli() {}

  static Repository repository(RegistryReference reference) throws InvalidInputException {
    try {
      return new Repository(reference.registry(), reference.repository());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(reference + ": " + e.getMessage(), e);
    }
  }

  static Platform platform(String text) throws InvalidInputException {
    if (text == null) {
      return null;
    }
    try {
      return Platform.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }
}
